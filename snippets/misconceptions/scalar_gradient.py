import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)
out = (x**2).sum()  # en: a scalar: shape [] # zh: 标量：形状是 []
print(out.shape, torch.Tensor([1.0]).shape)
out.backward(torch.tensor(1.0), retain_graph=True)  # en: same shape: fine # zh: 形状相同：没问题
print("x.grad:", x.grad)
out.backward(gradient=torch.Tensor([1.0]))  # en: shape [1]: an error # zh: 形状是 [1]：报错
