# %% [markdown]
# # 练习：计算图
#
# 每道题先给出一段代码，问你 PyTorch 会怎么做。先在纸上想清楚，然后：
#
# 1. 把答案写进以 `prediction =` 开头的单元格；
# 2. 运行它下面的**检查**单元格：它用 PyTorch 算出真实结果，再和你的答案比对。
#
# 两者之间的**答案**单元格默认折叠，想好了再展开。“全部运行”（Run All）也会运行答案单元格，所以整本 notebook 从头跑到尾，每个检查都应当通过。除了 PyTorch（`pip install torch`），什么都不用装。

# %%
import torch

print(torch.__version__)

# %% [markdown]
# ## 1. 记录什么，由 Python 说了算
#
# PyTorch 在前向传播执行的同时记录计算图（define-by-run，边运行边建图）。下面的函数会根据数据的取值走不同的分支。两个结果的 `grad_fn` 各是什么类？也就是说，`type(t.grad_fn).__name__` 返回什么？

# %%
def f(x):
    if x.sum() > 0:  # plain Python control flow, decided by the values
        return x * 2
    return x ** 2


pos = f(torch.tensor([1.0, 2.0], requires_grad=True))
neg = f(torch.tensor([-1.0, -2.0], requires_grad=True))

# %%
# Your prediction: a pair of class names (pos, neg)
prediction = None  # e.g. ("AddBackward0", "AddBackward0")

# %% tags=["solution"] jupyter={"source_hidden": true}
# Each call records only the operations that actually ran: x * 2 for
# pos, x ** 2 for neg.
prediction = ("MulBackward0", "PowBackward0")

# %%
actual = (type(pos.grad_fn).__name__, type(neg.grad_fn).__name__)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown]
# ## 2. 从根节点往回走
#
# `while` 循环不断乘以 3，直到值不小于 10 为止。从 `y.grad_fn` 出发，每次都沿 `next_functions` 的第一项往下走，一直走到叶子 `x`，途经哪些节点？按从根到叶的顺序写出它们的类名。

# %%
x = torch.tensor(1.0, requires_grad=True)
y = x
while y < 10:  # how many times this runs depends on the data
    y = y * 3

# %%
# Your prediction: a list of class names, root first
prediction = None  # e.g. ["PowBackward0", "AccumulateGrad"]

# %% tags=["solution"] jupyter={"source_hidden": true}
# 1 -> 3 -> 9 -> 27: three multiplications, each a MulBackward0
# node. The walk ends at the AccumulateGrad node of the leaf x,
# which has no next_functions.
prediction = ["MulBackward0", "MulBackward0", "MulBackward0",
              "AccumulateGrad"]

# %%
names, node = [], y.grad_fn
while node is not None:
    names.append(type(node).__name__)
    node = node.next_functions[0][0] if node.next_functions else None
assert prediction == names, f"PyTorch says {names}"
print("Correct:", " -> ".join(names))

# %% [markdown]
# ## 3. 不需要梯度的张量
#
# `c` 创建时没有设 `requires_grad=True`。执行 `y = x * c` 之后，乘法的每个输入在 `y.grad_fn.next_functions` 里各占一项。每一项指向什么？写出类名，没有节点的地方写 `None`。

# %%
x = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(5.0)  # requires_grad=False
y = x * c

# %%
# Your prediction: one entry per input, in the order (x, c)
prediction = None  # e.g. ["MulBackward0", "MulBackward0"]

# %% tags=["solution"] jupyter={"source_hidden": true}
# x is a leaf that requires grad: its gradient is collected by an
# AccumulateGrad node. c needs no gradient, so the graph has no node
# for it: the entry is None.
prediction = ["AccumulateGrad", None]

# %%
edges = y.grad_fn.next_functions
actual = [None if fn is None else type(fn).__name__ for fn, _ in edges]
assert prediction == actual, f"PyTorch says {actual}"
y.backward()
print("Correct:", actual, "| c.grad after backward:", c.grad)

# %% [markdown]
# ## 4. `MulBackward0` 里的数字是什么意思
#
# 连做两次乘法，再分别对全部元素求和、沿某一维求和。这四个 `grad_fn` 的类名分别是什么？末尾的数字是在计数吗？

# %%
x = torch.ones(3, requires_grad=True)
a = x * 2
b = a * 3
s_all = x.sum()
s_dim = x.sum(dim=0)

# %%
# Your prediction: class names of the grad_fn of a, b, s_all, s_dim
# e.g. ("MulBackward0", "MulBackward0",
#       "SumBackward0", "SumBackward0")
prediction = None

# %% tags=["solution"] jupyter={"source_hidden": true}
# The number is not an instance counter: every multiplication gives
# MulBackward0. It tells apart overloads of one operation: sum() and
# sum(dim) are different overloads.
prediction = ("MulBackward0", "MulBackward0",
              "SumBackward0", "SumBackward1")

# %%
actual = tuple(type(t.grad_fn).__name__ for t in (a, b, s_all, s_dim))
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown]
# ## 5. 叶子挂在哪里
#
# `loss` 是下面这张图的根节点。从 `loss.grad_fn` 走到乘法节点，看它的两个 `next_functions`：都是 `AccumulateGrad` 节点，它们的属性 `.variable` 是一个张量。这两个张量分别是我们的哪个 Python 变量？另外，`w.grad_fn` 是什么？

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
v = torch.tensor([3.0, 4.0], requires_grad=True)
loss = (w * v).sum()
mul = loss.grad_fn.next_functions[0][0]

# %%
# Your prediction: (first .variable, second .variable, w.grad_fn),
# each .variable given by the name of our Python variable
prediction = None  # e.g. ("loss", "loss", "MulBackward0")

# %% tags=["solution"] jupyter={"source_hidden": true}
# Each AccumulateGrad node holds the leaf it writes .grad into, in
# the order of the inputs of w * v. A leaf was not produced by a
# recorded operation, so its grad_fn is None.
prediction = ("w", "v", None)

# %%
names = {id(w): "w", id(v): "v", id(loss): "loss"}
variables = tuple(names.get(id(fn.variable))
                  for fn, _ in mul.next_functions)
actual = variables + (w.grad_fn,)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
