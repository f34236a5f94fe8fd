import torch

model = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
model(torch.ones(1, 2)).sum().backward()
opt.zero_grad()  # en: set_to_none=True by default since PyTorch 2.0 # zh: 从 PyTorch 2.0 起默认 set_to_none=True
print("zero_grad():       ", model.weight.grad)
model(torch.ones(1, 2)).sum().backward()
print("  then backward(): ", model.weight.grad)
opt.zero_grad(set_to_none=False)
print("set_to_none=False: ", model.weight.grad)
model(torch.ones(1, 2)).sum().backward()
print("  then backward(): ", model.weight.grad)
