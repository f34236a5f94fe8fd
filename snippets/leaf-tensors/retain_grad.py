import torch

x = torch.tensor(1.0, requires_grad=True)
y = 2 * x + 1
z = y ** 2
loss = 1 - z
for t in (y, z, loss):
    t.retain_grad()  # en: before backward(): keep what flows through # zh: 在 backward() 之前调用：留下流经的梯度

loss.backward()
print("x.grad:   ", x.grad)
print("y.grad:   ", y.grad)
print("z.grad:   ", z.grad)
print("loss.grad:", loss.grad)
print("y is still not a leaf:", not y.is_leaf)
