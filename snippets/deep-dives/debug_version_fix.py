import torch


def block(x):
    return torch.sigmoid(x)


def model(x):
    h = block(x)
    h = h + 1  # en: a new tensor; the saved one stays as it was # zh: 生成新张量，保存的那个原封不动
    return (h * h).sum()


x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = model(x)
loss.backward()
print("x.grad:", x.grad)
