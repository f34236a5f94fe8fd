import torch

print(torch.Tensor([2, 3]).dtype)  # the class: always the default float
print(torch.tensor([2, 3]).dtype)  # function: infers dtype from the data
print(torch.tensor([2.0, 3]).dtype)
print(torch.Tensor(2).shape)  # an int is a size here (values unset)
print(type(torch.tensor([2, 3])) is torch.Tensor)

print(torch.tensor([2.0, 3.0], requires_grad=True))
torch.Tensor([2.0, 3.0], requires_grad=True)
