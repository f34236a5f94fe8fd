import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
inputs = torch.tensor([[1.0, 2.0]])
target = torch.tensor([[3.0]])
output = model(inputs)
loss = nn.functional.mse_loss(output, target)
loss.backward()

print("name   is_leaf requires_grad grad")
for name, t in [("inputs", inputs), ("target", target),
                ("weight", model.weight), ("bias", model.bias),
                ("output", output), ("loss", loss)]:
    # en: Reading .grad of a non-leaf only warns (see "Which tensors get .grad").
    # zh: 读非叶子张量的 .grad 只会给出警告（见“哪些张量会得到 .grad”）。
    grad = t.grad if t.is_leaf else "(non-leaf, not read)"
    print(f"{name:<6} {t.is_leaf!s:<7} {t.requires_grad!s:<13} {grad}")
