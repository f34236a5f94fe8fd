import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)
out = (x**2).sum()  # a scalar: shape []
print(out.shape, torch.Tensor([1.0]).shape)
out.backward(torch.tensor(1.0), retain_graph=True)  # same shape: fine
print("x.grad:", x.grad)
out.backward(gradient=torch.Tensor([1.0]))  # shape [1]: an error
