# en: backward() starts at the root; only grad-requiring leaves get .grad.
# zh: backward() 从根出发；只有需要梯度的叶子张量才会得到 .grad。
import torch

x = torch.tensor([1.0, 2.0])  # en: data # zh: 数据
w = torch.tensor([0.5, -1.0], requires_grad=True)
h = w * x
loss = h.sum()
for name, t in [("x", x), ("w", w), ("h", h), ("loss", loss)]:
    node = type(t.grad_fn).__name__ if t.grad_fn else None
    print(f"{name:4} is_leaf={t.is_leaf!s:5}",
          f"requires_grad={t.requires_grad!s:5} grad_fn={node}")
loss.backward()
print("w.grad:", w.grad)
print("x.grad:", x.grad)
