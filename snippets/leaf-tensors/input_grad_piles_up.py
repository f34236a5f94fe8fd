import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
inputs = torch.tensor([[1.0, 2.0]], requires_grad=True)
target = torch.tensor([[3.0]])
before = torch.zeros_like(inputs)
for step in range(3):
    optimizer.zero_grad()  # en: clears the parameters only # zh: 只清空参数的梯度
    loss = nn.functional.mse_loss(model(inputs), target)
    loss.backward()
    optimizer.step()
    print(f"step {step}: this step {inputs.grad - before}, inputs.grad {inputs.grad}")
    before = inputs.grad.clone()
