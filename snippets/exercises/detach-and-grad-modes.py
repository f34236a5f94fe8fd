# %% [markdown] lang="en"
# # Exercises: detach and grad modes
#
# Each exercise shows some code and asks what PyTorch will do. Work it out on paper first, then:
#
# 1. write your answer in the cell that starts with `prediction =`;
# 2. run the **check** cell under it: it computes the real answer with PyTorch and compares.
#
# The **solution** cell between them is collapsed: open it only after you have committed to an answer.
# "Run All" runs the solutions too, so a notebook run from top to bottom passes every check.
# You need nothing but PyTorch (`pip install torch`).

# %% [markdown] lang="zh"
# # 练习：detach 与梯度模式
#
# 每道题先给出一段代码，问你 PyTorch 会怎么做。先在纸上想清楚，然后：
#
# 1. 把答案写进以 `prediction =` 开头的单元格；
# 2. 运行它下面的**检查**单元格：它用 PyTorch 算出真实结果，再和你的答案比对。
#
# 两者之间的**答案**单元格默认折叠，想好了再展开。“全部运行”（Run All）也会运行答案单元格，所以整本 notebook 从头跑到尾，每个检查都会通过。除了 PyTorch（`pip install torch`），什么都不用装。

# %%
import torch
from torch import nn

torch.manual_seed(0)
print(torch.__version__)

# %% [markdown] lang="en"
# ## 1. `detach()` and `detach_()`
#
# `detach()` returns something new, `detach_()` changes the tensor it is called on. Fill in each value.

# %% [markdown] lang="zh"
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
# en: Your prediction: replace each ... with True or False
# zh: 你的预测：把每个 ... 换成 True 或 False
prediction = {
    "z is y": ...,
    "z.requires_grad": ...,
    "z.is_leaf": ...,
    "z shares y's memory": ...,
    "r is y2": ...,
    "y2.requires_grad": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: detach() returns a new tensor, cut from the graph (so a leaf that
# en: does not require grad), viewing the same memory. detach_() cuts y2
# en: itself from the graph and returns it.
# zh: detach() 返回一个新张量：它不在图上（所以是不需要梯度的
# zh: 叶子张量），和 y 共用同一块内存。detach_() 把 y2 本身
# zh: 从图上分离出来，再把它返回。
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

# %% [markdown] lang="en"
# ## 2. Changing a detached tensor in place
#
# `exp` saves its result, because the derivative of exp(x) is exp(x). What does `y` hold after
# `d[:] = 0.0`, and does `y.sum().backward()` still work?

# %% [markdown] lang="zh"
# ## 2. 原地修改分离出的张量
#
# `exp` 会保存自己的计算结果，因为 `exp(x)` 的导数就是 `exp(x)`。执行 `d[:] = 0.0` 之后，`y` 里是什么？`y.sum().backward()` 还能正常运行吗？

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.exp()
d = y.detach()
d[:] = 0.0  # en: writes into d's memory, in place # zh: 原地写入 d 的内存

# %%
# en: Your prediction: replace each ...
# zh: 你的预测：把每个 ... 换成你的答案
prediction = {"y as a list": ..., "backward raises": ...}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: d and y share memory, so y is zeroed too. Every tensor counts its
# en: in-place changes (its version); backward sees that the saved
# en: result of exp changed since it was saved, and refuses.
# zh: d 和 y 共用内存，所以 y 也被清零了。每个张量都给自己的
# zh: 原地修改计数（版本计数器）；反向传播发现 exp 保存的结果
# zh: 在保存之后被改过，于是拒绝执行。
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

# %% [markdown] lang="en"
# The error, in full:

# %% [markdown] lang="zh"
# 完整的报错如下：

# %% tags=["raises-exception"]
y.sum().backward()

# %% [markdown] lang="en"
# ## 3. Train only the second layer
#
# The output of `layer1` is detached before it goes into `layer2`. After `backward()`, which
# parameters still have `.grad == None`?

# %% [markdown] lang="zh"
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
# en: Your prediction: the set of parameter names whose .grad is None
# zh: 你的预测：哪些参数的 .grad 是 None（写成参数名的集合）
prediction = None  # en: e.g. {"layer2.bias"} # zh: 例如 {"layer2.bias"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: The backward pass stops at the detached tensor: layer1's
# en: parameters are never reached.
# zh: 反向传播到分离出的张量就停了，根本到不了 layer1 的参数。
prediction = {"layer1.weight", "layer1.bias"}

# %%
actual = {name for name, p in params.items() if p.grad is None}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:", sorted(actual))
print("layer2.weight.grad:", params["layer2.weight"].grad)

# %% [markdown] lang="en"
# ## 4. Grad modes and how they end
#
# `x` requires grad. Which results require grad? Careful with `e`: inside `no_grad`,
# `torch.set_grad_enabled(True)` is called as a function. And is grad mode on after that block?

# %% [markdown] lang="zh"
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
# en: Your prediction: replace each ... with True or False
# zh: 你的预测：把每个 ... 换成 True 或 False
prediction = {
    "a": ..., "b": ..., "c": ..., "d": ..., "e": ...,
    "grad mode after": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Inside no_grad, set_grad_enabled(False) and inference_mode nothing
# en: is recorded. Calling set_grad_enabled(True) switches recording
# en: back on at once; leaving a with-block restores the mode it found
# en: on entry (on).
# zh: 在 no_grad、set_grad_enabled(False) 和 inference_mode 里，
# zh: 什么都不记录。调用 set_grad_enabled(True) 会立刻重新打开
# zh: 记录；离开 with 代码块时，梯度模式恢复成进入时的样子
# zh: （开启）。
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

# %% [markdown] lang="en"
# `c` was made under `inference_mode`: it is an inference tensor, and autograd refuses to save it for a later
# backward pass. `no_grad` results such as `a` have no such limit.

# %% [markdown] lang="zh"
# `c` 是在 `inference_mode` 下算出来的，属于推理张量（inference tensor），autograd 不允许把它保存下来留给之后的反向传播。`no_grad` 下得到的结果（比如 `a`）没有这个限制。

# %% tags=["raises-exception"]
(c * x).sum()

# %% [markdown] lang="en"
# ## 5. `model.eval()` or `torch.no_grad()`?
#
# The model ends with dropout. Case A calls `model.eval()`; case B keeps training mode but runs under
# `no_grad`. In each case: does the output require grad, and do two calls on the same input agree?

# %% [markdown] lang="zh"
# ## 5. `model.eval()` 还是 `torch.no_grad()`？
#
# 模型的最后一层是 dropout。情形 A 调用 `model.eval()`；情形 B 保持训练模式，但在 `no_grad` 下运行。两种情形下，输出需要梯度吗？对同一个输入调用两次，结果一样吗？

# %%
# en: 64 outputs, so that two random dropout masks cannot coincide
# zh: 取 64 个输出，两次随机的 dropout 掩码就不会碰巧相同
model = nn.Sequential(nn.Linear(8, 64), nn.Dropout(p=0.5))
inputs = torch.ones(1, 8)

model.eval()
a1, a2 = model(inputs), model(inputs)

model.train()
with torch.no_grad():
    b1, b2 = model(inputs), model(inputs)

# %%
# en: Your prediction: replace each ... with True or False
# zh: 你的预测：把每个 ... 换成 True 或 False
prediction = {
    "A requires grad": ...,
    "A calls agree": ...,
    "B requires grad": ...,
    "B calls agree": ...,
}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: eval() changes how layers behave (dropout off, BatchNorm uses
# en: running stats) but records as usual. no_grad stops recording but
# en: leaves dropout on. For inference, use both.
# zh: eval() 改变层的行为（关掉 dropout，BatchNorm 改用滑动统计量），
# zh: 但照常记录。no_grad 停止记录，却不关 dropout。
# zh: 推理时两个都要用。
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
