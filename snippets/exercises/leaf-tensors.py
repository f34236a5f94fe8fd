# %% [markdown] lang="en"
# # Exercises: leaf tensors
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
# # 练习：叶子张量
#
# 每道题先给出一段代码，问你 PyTorch 会怎么做。先在纸上想清楚，然后：
#
# 1. 把答案写进以 `prediction =` 开头的单元格；
# 2. 运行它下面的**检查**单元格：它用 PyTorch 算出真实结果，再和你的答案比对。
#
# 两者之间的**答案**单元格默认折叠，想好了再展开。“全部运行”（Run All）也会运行答案单元格，所以整本 notebook 从头跑到尾，每个检查都会通过。除了 PyTorch（`pip install torch`），什么都不用装。

# %%
import warnings

import torch
from torch import nn

torch.manual_seed(0)
print(torch.__version__)

# %% [markdown] lang="en"
# ## 1. Which tensors are leaves?
#
# A tensor is a leaf when no recorded operation produced it, that is, when its `grad_fn` is `None`.
# Apply that rule to each tensor below. Which of them have `is_leaf == True`?

# %% [markdown] lang="zh"
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
# en: Your prediction: the set of names whose tensor is a leaf
# zh: 你的预测：哪些名字的张量是叶子张量（写成集合）
prediction = None  # en: e.g. {"a", "c"} # zh: 例如 {"a", "c"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Only b was produced by a recorded operation. d and h come from
# en: operations too, but nothing was recorded: c does not require grad,
# en: and argmax has no gradient (its result is an integer). f was made
# en: with recording turned off; e is cut from the graph; g is a
# en: parameter you created.
# zh: 只有 b 是由记录下来的运算产生的。d 和 h 也来自运算，
# zh: 但都没有被记录：c 不需要梯度，argmax 没有梯度（结果是
# zh: 整数）。f 是在关闭记录时算出来的；e 是分离出的张量；
# zh: g 是你自己创建的参数。
prediction = {"a", "c", "d", "e", "f", "g", "h"}

# %%
actual = {name for name, t in tensors.items() if t.is_leaf}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct: leaves are", sorted(actual))
print("  not a leaf:", sorted(tensors.keys() - actual))

# %% [markdown] lang="en"
# ## 2. Who requires grad in a training step?
#
# A result requires grad as soon as one of its inputs does. In this training step, which of the
# tensors below have `requires_grad == True`?

# %% [markdown] lang="zh"
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
# en: Your prediction: the set of names that require grad
# zh: 你的预测：哪些名字需要梯度（写成集合）
prediction = None  # en: e.g. {"inputs", "loss"} # zh: 例如 {"inputs", "loss"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Parameters require grad when the layer creates them; data you load
# en: does not. outputs and loss are computed from the parameters, so
# en: they require grad too.
# zh: 层创建参数时就设好了需要梯度；你加载的数据不需要。
# zh: outputs 和 loss 由参数算出，所以也需要梯度。
prediction = {"weight", "bias", "outputs", "loss"}

# %%
actual = {name for name, t in tensors.items() if t.requires_grad}
assert prediction == actual, f"PyTorch says {sorted(actual)}"
print("Correct:", sorted(actual))

# %% [markdown] lang="en"
# ## 3. Who gets a `.grad`?
#
# After `o.backward()`, which of `x`, `y` and `w` hold a tensor in `.grad` (not `None`)?
# The check reads `y.grad` too: see what PyTorch warns about that.

# %% [markdown] lang="zh"
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
# en: Your prediction: the set of names whose .grad is not None
# zh: 你的预测：哪些名字的 .grad 不是 None（写成集合）
prediction = None  # en: e.g. {"y"} # zh: 例如 {"y"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: backward() fills .grad only on leaves that require grad. y is an
# en: intermediate result: its gradient is computed on the way to x,
# en: then thrown away.
# zh: backward() 只给需要梯度的叶子张量填 .grad。y 是中间结果：
# zh: 它的梯度在传向 x 的途中算出来，用完就丢了。
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

# %% [markdown] lang="en"
# ## 4. `retain_grad()`: before or after?
#
# `retain_grad()` asks PyTorch to keep the gradient of an intermediate result. Below, `y1` calls it
# before `backward()` and `y2` after. What do `y1.grad` and `y2.grad` hold?

# %% [markdown] lang="zh"
# ## 4. `retain_grad()`：在反向传播之前还是之后？
#
# `retain_grad()` 让 PyTorch 保留中间结果的梯度。下面对 `y1` 在 `backward()` 之前调用它，对 `y2` 则在之后才调用。`y1.grad` 和 `y2.grad` 里分别是什么？

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
# en: Your prediction: (y1.grad as a list of floats, y2.grad)
# zh: 你的预测：(y1.grad, y2.grad)，y1.grad 写成浮点数列表
prediction = None  # en: e.g. ([1.0, 1.0, 1.0], [1.0, 1.0, 1.0]) # zh: 例如 ([1.0, 1.0, 1.0], [1.0, 1.0, 1.0])

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: The gradient of sum(y * w) with respect to y is w. y1 asked in
# en: time; for y2 the backward pass was already over, and retain_grad()
# en: does not compute anything afterwards.
# zh: sum(y * w) 对 y 的梯度就是 w。y1 及时提了要求；y2 调用时
# zh: 反向传播已经结束，retain_grad() 不会事后补算。
prediction = ([0.5, -1.0, 2.0], None)

# %%
actual = (y1.grad.tolist(), y2.grad)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown] lang="en"
# ## 5. `torch.tensor` or `torch.Tensor`?
#
# Only tensors of a floating point or complex dtype can require gradients. Which of these tensors
# accept `.requires_grad_()`? Think about the dtype each one gets.

# %% [markdown] lang="zh"
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
# en: Your prediction: the set of keys whose tensor can require grad
# zh: 你的预测：哪些键的张量能设成需要梯度（写成集合）
prediction = None  # en: e.g. {"torch.tensor([1, 2])"} # zh: 例如 {"torch.tensor([1, 2])"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: torch.tensor infers the dtype from the data: [1, 2] gives int64.
# en: torch.Tensor is the class, and calling it always gives the default
# en: float dtype (float32). arange(3) is int64 too.
# zh: torch.tensor 从数据推断 dtype：[1, 2] 得到 int64。
# zh: torch.Tensor 是类本身，调用它总是得到默认的浮点类型
# zh: （float32）。arange(3) 也是 int64。
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

# %% [markdown] lang="en"
# This is the error you get for an integer tensor:

# %% [markdown] lang="zh"
# 把整数张量设成需要梯度，会得到这样的报错：

# %% tags=["raises-exception"]
torch.tensor([1, 2], requires_grad=True)

# %% [markdown] lang="en"
# ## 6. An early weight's gradient depends on a later weight
#
# Two layers with one weight each and no bias: `out = w2 * (w1 * x)`. With `x = 2`, `w1 = 0.5`,
# what is `w1.grad` when `w2 = 3`, and when `w2 = 5`?

# %% [markdown] lang="zh"
# ## 6. 浅层权重的梯度取决于深层权重
#
# 两层网络，每层只有一个权重、没有偏置：`out = w2 * (w1 * x)`。取 `x = 2`、`w1 = 0.5`，`w2 = 3` 时 `w1.grad` 是多少？`w2 = 5` 时呢？

# %%
def first_layer_grad(w2: float) -> float:
    layer1 = nn.Linear(1, 1, bias=False)
    layer2 = nn.Linear(1, 1, bias=False)
    with torch.no_grad():  # en: set the weights without recording # zh: 设定权重，不记录
        layer1.weight.fill_(0.5)
        layer2.weight.fill_(w2)
    layer2(layer1(torch.tensor([[2.0]]))).sum().backward()
    return layer1.weight.grad.item()

# %%
# en: Your prediction: (w1.grad when w2 = 3, w1.grad when w2 = 5)
# zh: 你的预测：(w2 = 3 时的 w1.grad, w2 = 5 时的 w1.grad)
prediction = None  # en: e.g. (1.0, 1.0) # zh: 例如 (1.0, 1.0)

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: d out / d w1 = w2 * x: the chain rule multiplies by the weights of
# en: the later layers.
# zh: d out / d w1 = w2 * x：链式法则会乘上深层的权重。
prediction = (6.0, 10.0)

# %%
actual = (first_layer_grad(3.0), first_layer_grad(5.0))
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
