# %% [markdown] lang="en"
# ## N. Freeze a middle layer
#
# A four-layer model. Layer 2 is frozen with `requires_grad_(False)`; in the other model, the output of
# layer 2 is detached instead. After one backward pass each, which layers (by index) have gradients?

# %% [markdown] lang="zh"
# ## N. 冻结中间一层
#
# 一个四层模型。第一个模型用 `requires_grad_(False)` 冻结第 2 层；第二个模型改为把第 2 层的输出 detach。
# 各做一次反向传播之后，哪几层（按序号）有梯度？

# %%
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(3, 2)
frozen = nn.Sequential(*[nn.Linear(2, 2) for _ in range(4)])
cut = nn.Sequential(*[nn.Linear(2, 2) for _ in range(4)])

frozen[2].requires_grad_(False)
frozen(x).sum().backward()

h = cut[2](cut[1](cut[0](x))).detach()
cut[3](h).sum().backward()

# %%
# en: Your prediction: the set of layer indices with a gradient, for each model
# zh: 你的预测：每个模型中有梯度的层的序号集合
prediction = None  # en: e.g. {"frozen": {0, 1}, "cut": {3}} # zh: 例如 {"frozen": {0, 1}, "cut": {3}}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: requires_grad_(False) switches off the flag of layer 2's parameters
# en: only: the backward pass still goes through layer 2 to layers 0 and 1.
# en: detach() stops every gradient at h, so layers 0, 1 and 2 get none.
# zh: requires_grad_(False) 只关掉第 2 层参数的开关，反向传播仍然穿过第 2 层，
# zh: 到达第 0、1 层。detach() 把所有梯度都拦在 h 处，第 0、1、2 层都拿不到梯度。
prediction = {"frozen": {0, 1, 3}, "cut": {3}}

# %%
actual = {
    name: {i for i, layer in enumerate(model) if layer.weight.grad is not None}
    for name, model in [("frozen", frozen), ("cut", cut)]
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
