import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
inputs = torch.tensor([[1.0, 2.0]])
target = torch.tensor([[3.0]])
output = model(inputs)
loss = nn.functional.mse_loss(output, target)
loss.backward()

named = [("inputs", inputs), ("target", target), ("weight", model.weight),
         ("bias", model.bias), ("output", output), ("loss", loss)]
for name, t in named:
    # Reading .grad of a non-leaf only warns; the previous section shows that.
    grad = t.grad if t.is_leaf else "(not read: non-leaf)"
    print(f"{name:<6} is_leaf={t.is_leaf!s:<5} requires_grad={t.requires_grad!s:<5}"
          f" grad={grad}")
