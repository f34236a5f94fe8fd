import torch


def block(x):
    return torch.sigmoid(x)


def model(x):
    h = block(x)
    h += 1  # en: in place, on a tensor sigmoid saved # zh: 原地修改了 sigmoid 保存的张量
    return (h * h).sum()


x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = model(x)
loss.backward()
