import torch

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
X, Y = torch.randn(8, 3), torch.randn(8)
mse = lambda X, Y: ((X @ w - Y) ** 2).mean()
full = torch.autograd.grad(mse(X, Y), w)[0]  # one batch of 8
for k in (1, 4):  # divide by 1 (i.e. not at all), then by k = 4
    w.grad = None
    for Xb, Yb in zip(X.chunk(4), Y.chunk(4)):  # 4 micro-batches of 2
        (mse(Xb, Yb) / k).backward()
    print(f"/ {k}: accumulated / full =", w.grad / full)
