import torch
from torch import nn


class GAN(nn.Module):
    def __init__(self):
        super().__init__()
        self.G = nn.Linear(2, 2)  # en: generator # zh: 生成器
        self.D = nn.Linear(2, 1)  # en: discriminator # zh: 判别器
        self.temperature = nn.Parameter(torch.tensor(1.0))  # en: in no optimizer # zh: 不在任何优化器里

    def forward(self, z):
        return self.D(self.G(z)).mean() * self.temperature


torch.manual_seed(0)
gan = GAN()
opt_g = torch.optim.SGD(gan.G.parameters(), lr=0.1)
opt_d = torch.optim.SGD(gan.D.parameters(), lr=0.1)
z = torch.randn(4, 2)


def show(label):
    has = {name: gan.get_submodule(name).weight.grad is not None for name in "GD"}
    has["temperature"] = gan.temperature.grad is not None
    print(f"{label:19}", "  ".join(f"{n}: {'grad' if h else 'None'}" for n, h in has.items()))


gan(z).backward()
show("after backward:")
opt_d.zero_grad()
show("opt_d.zero_grad():")
opt_g.zero_grad()
show("opt_g.zero_grad():")
gan.zero_grad()
show("gan.zero_grad():")

gan(z).backward()
one_pass = {"temperature": gan.temperature.grad.clone(), "D.bias": gan.D.bias.grad.clone()}
for _ in range(2):  # en: two more passes, cleared by the optimizers only # zh: 再跑两遍，只用优化器清零
    opt_g.zero_grad()
    opt_d.zero_grad()
    gan(z).backward()
ratio = {name: (grad / one_pass[name]).item()
         for name, grad in [("temperature", gan.temperature.grad), ("D.bias", gan.D.bias.grad)]}
print("after 3 passes, .grad / one pass's:", {n: round(r, 3) for n, r in ratio.items()})
