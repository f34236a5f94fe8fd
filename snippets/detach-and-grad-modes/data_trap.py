import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
s = torch.sigmoid(x.detach())
print("right x.grad:", s * (1 - s))  # en: sigmoid' = s(1-s) # zh: sigmoid 的导数是 s(1-s)

# en: Zeros written through .data: the same storage, but the counter stays.
# zh: 通过 .data 写入 0：存储是同一块，版本计数器却不动。
y = x.sigmoid()
y.data.zero_()
print("y:", y, "version:", y._version)
y.sum().backward()
print("x.grad:", x.grad)

# en: The same write through detach() moves the counter, and backward refuses.
# zh: 同样的写入改走 detach()，计数器加一，反向传播拒绝执行。
x.grad = None
y = x.sigmoid()
y.detach().zero_()
print("y:", y, "version:", y._version)
y.sum().backward()
