import torch
from torch import nn

model = nn.Linear(2, 1)
with torch.no_grad():  # en: readable starting weights (no_grad lets us edit a leaf) # zh: 初始权重取好读的数（在 no_grad 里才能改叶子张量）
    model.weight.copy_(torch.tensor([[0.5, -0.5]]))
    model.bias.zero_()
lr = 0.01
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
loss_fn = nn.MSELoss()
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
target = torch.tensor([[1.0], [2.0]])


def show(line):
    grad = model.weight.grad
    grad = None if grad is None else [round(g, 4) for g in grad[0].tolist()]
    weight = [round(w, 4) for w in model.weight[0].tolist()]
    print(f"{line:22} weight={weight} grad={grad}")


show("(start)")
for step in range(2):
    print(f"--- step {step + 1}")
    optimizer.zero_grad()
    show("optimizer.zero_grad()")
    output = model(x)
    show("output = model(x)")
    print("    output:", output.detach().flatten(), type(output.grad_fn).__name__)
    loss = loss_fn(output, target)
    print(f"    loss: {loss.item():.4f}", type(loss.grad_fn).__name__)
    loss.backward()
    show("loss.backward()")
    before = model.weight.detach().clone()
    optimizer.step()
    show("optimizer.step()")
    moved = torch.allclose(model.weight, before - lr * model.weight.grad)
    print("    weight == before - lr * grad:", moved)
