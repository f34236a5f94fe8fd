import torch

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
X, Y = torch.randn(8, 3), torch.randn(8)
mse = lambda X, Y: ((X @ w - Y) ** 2).mean()
full = torch.autograd.grad(mse(X, Y), w)[0]  # en: one batch of 8 # zh: 一个批次，8 个样本
for k in (1, 4):  # en: divide by 1 (i.e. not at all), then by k = 4 # zh: 先除以 1（等于不除），再除以 k = 4
    w.grad = None
    for Xb, Yb in zip(X.chunk(4), Y.chunk(4)):  # en: 4 micro-batches of 2 # zh: 4 个微批次，每个 2 个样本
        (mse(Xb, Yb) / k).backward()
    print(f"/ {k}: accumulated / full =", w.grad / full)
