# %% [markdown]
# # 练习：叶子张量
#
# 每道题先给出一段代码，问你 PyTorch 会怎么做。先在纸上想清楚，然后：
#
# 1. 把答案写进以 `prediction =` 开头的单元格；
# 2. 运行它下面的**检查**单元格：它用 PyTorch 算出真实结果，再和你的答案比对。
#
# 两者之间的**答案**单元格默认折叠，想好了再展开。“全部运行”（Run All）也会运行答案单元格，所以整本 notebook 从头跑到尾，每个检查都应当通过。除了 PyTorch（`pip install torch`），什么都不用装。

# %%
import warnings

import torch
from torch import nn

torch.manual_seed(0)
print(torch.__version__)

# %% [markdown]
# ## 1. 哪些是叶子张量？
#
# 不是由任何被记录下来的运算产生的张量，就是叶子张量，也就是 `grad_fn` 为 `None` 的张量。用这条规则逐个判断下面的张量：哪些张量的 `is_leaf` 为 `True`？

# %%
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 2
c = torch.tensor([3.0, 4.0])
d = c * 2
e = b.detach()
with torch.no_grad():
    f = a * 2
g = nn.Parameter(torch.ones(2))
h = a.argmax()
tensors = dict(a=a, b=b, c=c, d=d, e=e, f=f, g=g, h=h)

# %%
# Your prediction: the set of names whose tensor is a leaf
prediction = None  # e.g. {"a", "c"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# Only b was produced by a recorded operation. d and h come from
# operations too, but nothing was recorded: c does not require grad,
# and argmax has no gradient (its result is an integer). f was made
# with recording turned off; e is cut from the graph; g is a
# parameter you created.
prediction = {"a", "c", "d", "e", "f", "g", "h"}

# %%
actual = {name for name, t in tensors.items() if t.is_leaf}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct: leaves are", sorted(actual))
print("  not a leaf:", sorted(tensors.keys() - actual))

# %% [markdown]
# ## 2. 一个训练步里，谁需要梯度？
#
# 只要有一个输入需要梯度，运算结果就需要梯度。在下面这个训练步中，哪些张量的 `requires_grad == True`？

# %%
model = nn.Linear(3, 1)
inputs = torch.randn(4, 3)
targets = torch.randn(4, 1)
outputs = model(inputs)
loss = nn.functional.mse_loss(outputs, targets)
tensors = {"inputs": inputs, "targets": targets,
           "weight": model.weight, "bias": model.bias,
           "outputs": outputs, "loss": loss}

# %%
# Your prediction: the set of names that require grad
prediction = None  # e.g. {"inputs", "loss"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# Parameters require grad when the layer creates them; data you load
# does not. outputs and loss are computed from the parameters, so
# they require grad too.
prediction = {"weight", "bias", "outputs", "loss"}

# %%
actual = {name for name, t in tensors.items() if t.requires_grad}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:", sorted(actual))

# %% [markdown]
# ## 3. 谁会得到 `.grad`？
#
# 执行 `o.backward()` 之后，`x`、`y`、`w` 中哪些的 `.grad` 里有张量（而不是 `None`）？检查单元格也会读取 `y.grad`，留意 PyTorch 为此发出的警告。

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = x.sigmoid()
o = (y * w).sum()
o.backward()

# %%
# Your prediction: the set of names whose .grad is not None
prediction = None  # e.g. {"y"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# backward() fills .grad only on leaves that require grad. y is an
# intermediate result: its gradient is computed on the way to x,
# then thrown away.
prediction = {"x", "w"}

# %%
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    grads = {"x": x.grad, "y": y.grad, "w": w.grad}
actual = {name for name, grad in grads.items() if grad is not None}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:", sorted(actual))
print("Reading y.grad warned:")
print(" ", str(caught[0].message).split(". ")[0])

# %% [markdown]
# ## 4. `retain_grad()`：在反向传播之前还是之后？
#
# `retain_grad()` 让 PyTorch 保留中间结果的梯度。下面 `y1` 在 `backward()` 之前调用它，`y2` 在之后才调用。`y1.grad` 和 `y2.grad` 里分别是什么？

# %%
w = torch.tensor([0.5, -1.0, 2.0])

x1 = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y1 = x1.sigmoid()
y1.retain_grad()
(y1 * w).sum().backward()

x2 = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y2 = x2.sigmoid()
(y2 * w).sum().backward()
y2.retain_grad()

# %%
# Your prediction: (y1.grad as a list of floats, y2.grad)
prediction = None  # e.g. ([1.0, 1.0, 1.0], [1.0, 1.0, 1.0])

# %% tags=["solution"] jupyter={"source_hidden": true}
# The gradient of sum(y * w) with respect to y is w. y1 asked in
# time; for y2 the backward pass was already over, and retain_grad()
# does not compute anything afterwards.
prediction = ([0.5, -1.0, 2.0], None)

# %%
actual = (y1.grad.tolist(), y2.grad)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown]
# ## 5. `torch.tensor` 还是 `torch.Tensor`？
#
# 只有浮点或复数类型的张量才能设成需要梯度。下面哪些张量可以调用 `.requires_grad_()`？想一想每个张量的 dtype 是什么。

# %%
makers = {
    "torch.tensor([1, 2])": lambda: torch.tensor([1, 2]),
    "torch.tensor([1., 2.])": lambda: torch.tensor([1.0, 2.0]),
    "torch.Tensor([1, 2])": lambda: torch.Tensor([1, 2]),
    "torch.arange(3)": lambda: torch.arange(3),
    "torch.zeros(2, dtype=torch.bool)":
        lambda: torch.zeros(2, dtype=torch.bool),
    "torch.zeros(2, dtype=torch.complex64)":
        lambda: torch.zeros(2, dtype=torch.complex64),
}

# %%
# Your prediction: the set of keys whose tensor can require grad
prediction = None  # e.g. {"torch.tensor([1, 2])"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# torch.tensor infers the dtype from the data: [1, 2] gives int64.
# torch.Tensor is the class, and calling it always gives the default
# float dtype (float32). arange(3) is int64 too.
prediction = {
    "torch.tensor([1., 2.])",
    "torch.Tensor([1, 2])",
    "torch.zeros(2, dtype=torch.complex64)",
}

# %%
actual = set()
for name, make in makers.items():
    try:
        make().requires_grad_()
        actual.add(name)
    except RuntimeError:
        pass
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:")
for name in sorted(actual):
    print(" ", name)

# %% [markdown]
# 把整数张量设成需要梯度，会得到这样的报错：

# %% tags=["raises-exception"]
torch.tensor([1, 2], requires_grad=True)

# %% [markdown]
# ## 6. 前面层权重的梯度，取决于后面层的权重
#
# 两层网络，每层只有一个权重、没有偏置：`out = w2 * (w1 * x)`。取 `x = 2`、`w1 = 0.5`，`w2 = 3` 时 `w1.grad` 是多少？`w2 = 5` 时呢？

# %%
def first_layer_grad(w2: float) -> float:
    layer1 = nn.Linear(1, 1, bias=False)
    layer2 = nn.Linear(1, 1, bias=False)
    with torch.no_grad():  # set the weights without recording
        layer1.weight.fill_(0.5)
        layer2.weight.fill_(w2)
    layer2(layer1(torch.tensor([[2.0]]))).sum().backward()
    return layer1.weight.grad.item()

# %%
# Your prediction: (w1.grad when w2 = 3, w1.grad when w2 = 5)
prediction = None  # e.g. (1.0, 1.0)

# %% tags=["solution"] jupyter={"source_hidden": true}
# d out / d w1 = w2 * x: the chain rule multiplies by the weights of
# the later layers.
prediction = (6.0, 10.0)

# %%
actual = (first_layer_grad(3.0), first_layer_grad(5.0))
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
