import torch

print(torch.Tensor([2, 3]).dtype)  # en: the class: always the default float # zh: 类：总是默认的浮点类型
print(torch.tensor([2, 3]).dtype)  # en: function: infers dtype from the data # zh: 函数：根据数据推断 dtype
print(torch.tensor([2.0, 3]).dtype)
print(torch.Tensor(2).shape)  # en: an int is a size here (values unset) # zh: 这里的整数表示尺寸（值未初始化）
print(type(torch.tensor([2, 3])) is torch.Tensor)

print(torch.tensor([2.0, 3.0], requires_grad=True))
torch.Tensor([2.0, 3.0], requires_grad=True)
