import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 2)
model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 2), nn.Linear(2, 1))
model_d = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 2), nn.Linear(2, 1))
model_d.load_state_dict(model.state_dict())

# en: Freeze layer 1 (the middle one) by its parameters...
# zh: 通过参数冻结第 1 层（中间那层）……
model[1].requires_grad_(False)
out = model(x).sum()
out.backward()

# en: ...or try to, by detaching layer 1's output.
# zh: ……或者试着把第 1 层的输出 detach 掉。
out_d = model_d[2](model_d[1](model_d[0](x)).detach()).sum()
out_d.backward()

print("parameter  requires_grad_(False)  detach()")
for (name, p), p_d in zip(model.named_parameters(), model_d.parameters()):
    print(f"{name:9}  {'None' if p.grad is None else 'grad':21}  {'None' if p_d.grad is None else 'grad'}")
