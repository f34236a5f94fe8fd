import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
x = torch.randn(4, 2)

model[0].requires_grad_(False)
trainable = [p for p in model.parameters() if p.requires_grad]
opt = torch.optim.SGD(trainable, lr=0.1)
print("in the optimizer:", len(trainable), "of", len(list(model.parameters())), "parameters")

frozen_before = model[0].weight.clone()
model(x).sum().backward()
opt.step()
print("layer 0 unchanged:", torch.equal(model[0].weight, frozen_before))

# en: Later: unfreeze layer 0 and train it in its own group, with a smaller learning rate.
# zh: 之后解冻第 0 层，放进单独的参数组，用更小的学习率训练。
model[0].requires_grad_(True)
opt.add_param_group({"params": model[0].parameters(), "lr": 0.01})
print("learning rates of the groups:", [g["lr"] for g in opt.param_groups])

opt.zero_grad()
model(x).sum().backward()
opt.step()
print("layer 0 unchanged:", torch.equal(model[0].weight, frozen_before))
