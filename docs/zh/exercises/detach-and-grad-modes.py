# %% [markdown]
# # 练习：detach 与梯度模式
#
# 每道题先给出一段代码，问你 PyTorch 会怎么做。先在纸上想清楚，然后：
#
# 1. 把答案写进以 `prediction =` 开头的单元格；
# 2. 运行它下面的**检查**单元格：它用 PyTorch 算出真实结果，再和你的答案比对。
#
# 两者之间的**答案**单元格默认折叠，想好了再展开。“全部运行”（Run All）也会运行答案单元格，所以整本 notebook 从头跑到尾，每个检查都应当通过。除了 PyTorch（`pip install torch`），什么都不用装。

# %%
import torch
from torch import nn

torch.manual_seed(0)
print(torch.__version__)

# %% [markdown]
# ## 1. `detach()` 与 `detach_()`
#
# `detach()` 返回一个新张量，`detach_()` 则直接修改调用它的那个张量。把每一项填上。

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
z = y.detach()

y2 = x * 2
r = y2.detach_()

# %%
# Your prediction: replace each ... with True or False
prediction = {
    "z is y": ...,
    "z.requires_grad": ...,
    "z.is_leaf": ...,
    "z shares y's memory": ...,
    "r is y2": ...,
    "y2.requires_grad": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# detach() returns a new tensor, cut from the graph (so a leaf that
# does not require grad), viewing the same memory. detach_() cuts y2
# itself from the graph and returns it.
prediction = {
    "z is y": False,
    "z.requires_grad": False,
    "z.is_leaf": True,
    "z shares y's memory": True,
    "r is y2": True,
    "y2.requires_grad": False,
}

# %%
actual = {
    "z is y": z is y,
    "z.requires_grad": z.requires_grad,
    "z.is_leaf": z.is_leaf,
    "z shares y's memory": z.data_ptr() == y.data_ptr(),
    "r is y2": r is y2,
    "y2.requires_grad": y2.requires_grad,
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown]
# ## 2. 原地修改 detach 出来的张量
#
# `exp` 会保存自己的计算结果，因为 exp(x) 的导数就是 exp(x)。执行 `d[:] = 0.0` 之后，`y` 里是什么？`y.sum().backward()` 还能正常运行吗？

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.exp()
d = y.detach()
d[:] = 0.0  # writes into d's memory, in place

# %%
# Your prediction: replace each ...
prediction = {"y as a list": ..., "backward raises": ...}

# %% tags=["solution"] jupyter={"source_hidden": true}
# d and y share memory, so y is zeroed too. Every tensor counts its
# in-place changes (its version); backward sees that the saved
# result of exp changed since it was saved, and refuses.
prediction = {"y as a list": [0.0, 0.0], "backward raises": True}

# %%
try:
    y.sum().backward()
    raised = False
except RuntimeError:
    raised = True
actual = {"y as a list": y.tolist(), "backward raises": raised}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown]
# 完整的报错如下：

# %% tags=["raises-exception"]
y.sum().backward()

# %% [markdown]
# ## 3. 只训练第二层
#
# `layer1` 的输出先 detach，再送进 `layer2`。`backward()` 之后，哪些参数的 `.grad` 仍然是 `None`？

# %%
layer1 = nn.Linear(2, 2)
layer2 = nn.Linear(2, 1)
inputs = torch.randn(4, 2)
out = layer2(layer1(inputs).detach())
out.sum().backward()
params = {f"{layer}.{name}": p
          for layer, module in (("layer1", layer1), ("layer2", layer2))
          for name, p in module.named_parameters()}

# %%
# Your prediction: the set of parameter names whose .grad is None
prediction = None  # e.g. {"layer2.bias"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# The backward pass stops at the detached tensor: layer1's
# parameters are never reached.
prediction = {"layer1.weight", "layer1.bias"}

# %%
actual = {name for name, p in params.items() if p.grad is None}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:", sorted(actual))
print("layer2.weight.grad:", params["layer2.weight"].grad)

# %% [markdown]
# ## 4. 梯度模式，以及退出代码块之后
#
# `x` 需要梯度。下面哪些结果需要梯度？注意 `e`：在 `no_grad` 代码块里，`torch.set_grad_enabled(True)` 是当作函数调用的。离开那个代码块之后，梯度模式是开着的吗？

# %%
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    a = x * 2
with torch.set_grad_enabled(False):
    b = x * 2
with torch.inference_mode():
    c = x * 2
d = x * 2
with torch.no_grad():
    torch.set_grad_enabled(True)
    e = x * 2
mode_after = torch.is_grad_enabled()

# %%
# Your prediction: replace each ... with True or False
prediction = {
    "a": ..., "b": ..., "c": ..., "d": ..., "e": ...,
    "grad mode after": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# Inside no_grad, set_grad_enabled(False) and inference_mode nothing
# is recorded. Calling set_grad_enabled(True) switches recording
# back on at once; leaving a with-block restores the mode it found
# on entry (on).
prediction = {
    "a": False,
    "b": False,
    "c": False,
    "d": True,
    "e": True,
    "grad mode after": True,
}

# %%
actual = {
    "a": a.requires_grad,
    "b": b.requires_grad,
    "c": c.requires_grad,
    "d": d.requires_grad,
    "e": e.requires_grad,
    "grad mode after": mode_after,
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")

# %% [markdown]
# `c` 是在 `inference_mode` 下算出来的，属于推理张量（inference tensor），autograd 不允许把它保存下来留给之后的反向传播。`no_grad` 下得到的结果（比如 `a`）没有这个限制。

# %% tags=["raises-exception"]
(c * x).sum()

# %% [markdown]
# ## 5. `model.eval()` 还是 `torch.no_grad()`？
#
# 模型的最后一层是 dropout。情形 A 调用 `model.eval()`；情形 B 保持训练模式，但在 `no_grad` 下运行。两种情形下，输出需要梯度吗？对同一个输入调用两次，结果一样吗？

# %%
# 64 outputs, so that two random dropout masks cannot coincide
model = nn.Sequential(nn.Linear(8, 64), nn.Dropout(p=0.5))
inputs = torch.ones(1, 8)

model.eval()
a1, a2 = model(inputs), model(inputs)

model.train()
with torch.no_grad():
    b1, b2 = model(inputs), model(inputs)

# %%
# Your prediction: replace each ... with True or False
prediction = {
    "A requires grad": ...,
    "A calls agree": ...,
    "B requires grad": ...,
    "B calls agree": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# eval() changes how layers behave (dropout off, BatchNorm uses
# running stats) but records as usual. no_grad stops recording but
# leaves dropout on. For inference, use both.
prediction = {
    "A requires grad": True,
    "A calls agree": True,
    "B requires grad": False,
    "B calls agree": False,
}

# %%
actual = {
    "A requires grad": a1.requires_grad,
    "A calls agree": torch.equal(a1, a2),
    "B requires grad": b1.requires_grad,
    "B calls agree": torch.equal(b1, b2),
}
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:")
for key, value in actual.items():
    print(f"  {key}: {value}")
