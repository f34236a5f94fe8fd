# %% [markdown] lang="en"
# # Exercises: computation graphs
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
# # 练习：计算图
#
# 每道题先给出一段代码，问你 PyTorch 会怎么做。先在纸上想清楚，然后：
#
# 1. 把答案写进以 `prediction =` 开头的单元格；
# 2. 运行它下面的**检查**单元格：它用 PyTorch 算出真实结果，再和你的答案比对。
#
# 两者之间的**答案**单元格默认折叠，想好了再展开。“全部运行”（Run All）也会运行答案单元格，所以整本 notebook 从头跑到尾，每个检查都会通过。除了 PyTorch（`pip install torch`），什么都不用装。

# %%
import torch

print(torch.__version__)

# %% [markdown] lang="en"
# ## 1. Python decides what gets recorded
#
# PyTorch records the graph while the forward pass runs (define-by-run). The function below takes a
# different branch depending on the data. For each result, what is the class name of its `grad_fn`,
# that is, what does `type(t.grad_fn).__name__` return?

# %% [markdown] lang="zh"
# ## 1. 记录什么，由 Python 说了算
#
# PyTorch 在前向传播执行的同时记录计算图（define-by-run，边运行边建图）。下面的函数会根据数据的取值走不同的分支。两个结果的 `grad_fn` 各是什么类？也就是说，`type(t.grad_fn).__name__` 返回什么？

# %%
def f(x):
    if x.sum() > 0:  # en: plain Python control flow, decided by the values # zh: 普通的 Python 控制流，看数值走分支
        return x * 2
    return x ** 2


pos = f(torch.tensor([1.0, 2.0], requires_grad=True))
neg = f(torch.tensor([-1.0, -2.0], requires_grad=True))

# %%
# en: Your prediction: a pair of class names (pos, neg)
# zh: 你的预测：两个类名，顺序是 (pos, neg)
prediction = None  # en: e.g. ("AddBackward0", "AddBackward0") # zh: 例如 ("AddBackward0", "AddBackward0")

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Each call records only the operations that actually ran: x * 2 for
# en: pos, x ** 2 for neg.
# zh: 每次调用只记录真正执行了的运算：pos 记下的是 x * 2，
# zh: neg 记下的是 x ** 2。
prediction = ("MulBackward0", "PowBackward0")

# %%
actual = (type(pos.grad_fn).__name__, type(neg.grad_fn).__name__)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown] lang="en"
# ## 2. Walk the graph from the root
#
# A `while` loop multiplies by 3 until the value reaches 10. Starting at `y.grad_fn` and following
# the first entry of `next_functions` each time, which nodes do you pass through, down to the leaf `x`?
# Give the list of class names, root first.

# %% [markdown] lang="zh"
# ## 2. 从根节点往回走
#
# `while` 循环不断乘以 3，直到值不小于 10 为止。从 `y.grad_fn` 出发，每次都沿 `next_functions` 的第一项往下走，一直走到叶子 `x`，途经哪些节点？按从根到叶的顺序写出它们的类名。

# %%
x = torch.tensor(1.0, requires_grad=True)
y = x
while y < 10:  # en: how many times this runs depends on the data # zh: 循环几次由数据决定
    y = y * 3

# %%
# en: Your prediction: a list of class names, root first
# zh: 你的预测：类名列表，根在前
prediction = None  # en: e.g. ["PowBackward0", "AccumulateGrad"] # zh: 例如 ["PowBackward0", "AccumulateGrad"]

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: 1 -> 3 -> 9 -> 27: three multiplications, each a MulBackward0
# en: node. The walk ends at the AccumulateGrad node of the leaf x,
# en: which has no next_functions.
# zh: 1 -> 3 -> 9 -> 27：三次乘法，每次一个 MulBackward0 节点。
# zh: 最后走到叶子张量 x 的 AccumulateGrad 节点，
# zh: 它的 next_functions 是空的。
prediction = ["MulBackward0", "MulBackward0", "MulBackward0",
              "AccumulateGrad"]

# %%
names, node = [], y.grad_fn
while node is not None:
    names.append(type(node).__name__)
    node = node.next_functions[0][0] if node.next_functions else None
assert prediction == names, f"PyTorch says {names}"
print("Correct:", " -> ".join(names))

# %% [markdown] lang="en"
# ## 3. A tensor that does not require grad
#
# `c` was created without `requires_grad=True`. After `y = x * c`, the node `y.grad_fn` has one entry in
# `next_functions` per input of the multiplication. What does each entry point to? Give the class name,
# or `None` where there is no node.

# %% [markdown] lang="zh"
# ## 3. 不需要梯度的张量
#
# `c` 创建时没有设 `requires_grad=True`。执行 `y = x * c` 之后，乘法的每个输入在 `y.grad_fn.next_functions` 里各占一项。每一项指向什么？写出类名，没有节点的地方写 `None`。

# %%
x = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(5.0)  # en: requires_grad=False # zh: 不需要梯度（requires_grad=False）
y = x * c

# %%
# en: Your prediction: one entry per input, in the order (x, c)
# zh: 你的预测：每个输入一项，按 (x, c) 的顺序
prediction = None  # en: e.g. ["MulBackward0", "MulBackward0"] # zh: 例如 ["MulBackward0", "MulBackward0"]

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: x is a leaf that requires grad: its gradient is collected by an
# en: AccumulateGrad node. c needs no gradient, so the graph has no node
# en: for it: the entry is None.
# zh: x 是需要梯度的叶子张量，它的梯度由一个 AccumulateGrad 节点收集。
# zh: c 不需要梯度，图里就没有它的节点，这一项是 None。
prediction = ["AccumulateGrad", None]

# %%
edges = y.grad_fn.next_functions
actual = [None if fn is None else type(fn).__name__ for fn, _ in edges]
assert prediction == actual, f"PyTorch says {actual}"
y.backward()
print("Correct:", actual, "| c.grad after backward:", c.grad)

# %% [markdown] lang="en"
# ## 4. What the number in `MulBackward0` means
#
# Two multiplications in a row, then a sum over all elements and a sum over one dimension.
# What are the four class names? Does the number count something?

# %% [markdown] lang="zh"
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
# en: Your prediction: class names of the grad_fn of a, b, s_all, s_dim
# en: e.g. ("MulBackward0", "MulBackward0",
# en:       "SumBackward0", "SumBackward0")
# zh: 你的预测：a、b、s_all、s_dim 的 grad_fn 的类名
# zh: 例如 ("MulBackward0", "MulBackward0", "SumBackward0", "SumBackward0")
prediction = None

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: The number is not an instance counter: every multiplication gives
# en: MulBackward0. It tells apart overloads of one operation: sum() and
# en: sum(dim) are different overloads.
# zh: 这个数字不是实例计数：每次乘法都是 MulBackward0。
# zh: 它区分的是同一个运算的不同重载：sum() 和 sum(dim)
# zh: 是两个不同的重载。
prediction = ("MulBackward0", "MulBackward0",
              "SumBackward0", "SumBackward1")

# %%
actual = tuple(type(t.grad_fn).__name__ for t in (a, b, s_all, s_dim))
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)

# %% [markdown] lang="en"
# ## 5. Where the leaves hang
#
# `loss` is the root of the graph below. Go from `loss.grad_fn` to the multiplication node, and look at
# its two `next_functions`: both are `AccumulateGrad` nodes. Their attribute `.variable` is a tensor.
# Which of our Python variables is it, for each of the two? And what is `w.grad_fn`?

# %% [markdown] lang="zh"
# ## 5. 叶子挂在哪里
#
# `loss` 是下面这张图的根节点。从 `loss.grad_fn` 走到乘法节点，看它的两个 `next_functions`：都是 `AccumulateGrad` 节点，它们的属性 `.variable` 是一个张量。这两个张量分别是我们的哪个 Python 变量？另外，`w.grad_fn` 是什么？

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
v = torch.tensor([3.0, 4.0], requires_grad=True)
loss = (w * v).sum()
mul = loss.grad_fn.next_functions[0][0]

# %%
# en: Your prediction: (first .variable, second .variable, w.grad_fn),
# en: each .variable given by the name of our Python variable
# zh: 你的预测：(第一个 .variable, 第二个 .variable, w.grad_fn)，
# zh: 两个 .variable 都写成对应的 Python 变量名
prediction = None  # en: e.g. ("loss", "loss", "MulBackward0") # zh: 例如 ("loss", "loss", "MulBackward0")

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Each AccumulateGrad node holds the leaf it writes .grad into, in
# en: the order of the inputs of w * v. A leaf was not produced by a
# en: recorded operation, so its grad_fn is None.
# zh: 每个 AccumulateGrad 节点都拿着它要写 .grad 的那个叶子张量，
# zh: 顺序和 w * v 的输入一致。叶子张量不是由记录下来的运算
# zh: 产生的，所以它的 grad_fn 是 None。
prediction = ("w", "v", None)

# %%
names = {id(w): "w", id(v): "v", id(loss): "loss"}
variables = tuple(names.get(id(fn.variable))
                  for fn, _ in mul.next_functions)
actual = variables + (w.grad_fn,)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
