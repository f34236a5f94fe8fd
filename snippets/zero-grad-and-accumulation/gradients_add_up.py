import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
x = torch.tensor([3.0, 4.0])

for step in range(3):
    loss = (w * x).sum()  # en: d loss / d w = x, every time # zh: 每次 d loss / d w 都等于 x
    loss.backward()
    print(f"after backward {step + 1}: w.grad = {w.grad}")
