# %% [markdown] lang="en"
# # Exercises: backward() and its gradient argument
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
# # 练习：backward() 与 gradient 参数
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
# ## 1. What shape must `gradient=` have?
#
# `y` has shape (2, 3), so `y.backward()` alone fails (see the cell below). Which shape must the
# tensor passed as `gradient=` have? The check tries several shapes and keeps those that work.

# %% [markdown] lang="zh"
# ## 1. `gradient=` 必须是什么形状？
#
# `y` 的形状是 `(2, 3)`，所以直接调用 `y.backward()` 会报错（见下一个单元格）。传给 `gradient=` 的张量必须是什么形状？检查单元格会逐个试几种形状，只留下能用的。

# %%
x = torch.ones(2, 3, requires_grad=True)
y = x * 2

# %% tags=["raises-exception"]
y.backward()

# %%
# en: Your prediction: the one shape that works, as a tuple
# zh: 你的预测：唯一可行的形状，写成元组
prediction = None  # en: e.g. (6,) # zh: 例如 (6,)

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: gradient holds one weight per element of y: exactly y's shape,
# en: with no broadcasting.
# zh: gradient 为 y 的每个元素给一个权重：形状必须和 y 完全相同，
# zh: 不做广播。
prediction = (2, 3)

# %%
works = []
for shape in [(), (1,), (3,), (6,), (1, 3), (3, 2), (2, 3)]:
    try:
        y.backward(gradient=torch.ones(shape), retain_graph=True)
        works.append(shape)
    except RuntimeError:
        pass
assert [prediction] == works, f"PyTorch accepts {works}"
print("Correct: only", works[0], "works")

# %% [markdown] lang="en"
# ## 2. And for a scalar output?
#
# For a scalar `loss`, `loss.backward()` needs no argument. Which of these values can you also pass
# explicitly as `gradient=`?

# %% [markdown] lang="zh"
# ## 2. 输出是标量时呢？
#
# 对标量 `loss`，`loss.backward()` 不需要任何参数。下面这些值中，哪些也可以显式地传给 `gradient=`？

# %%
x = torch.tensor(2.0, requires_grad=True)
loss = x * x
candidates = {
    "None": None,
    "torch.tensor(1.0)": torch.tensor(1.0),
    "torch.tensor([1.0])": torch.tensor([1.0]),
}

# %%
# en: Your prediction: the set of keys that work
# zh: 你的预测：哪些键可行（写成集合）
prediction = None  # en: e.g. {"torch.tensor([1.0])"} # zh: 例如 {"torch.tensor([1.0])"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: None means "the output is a scalar, use 1". An explicit gradient
# en: must match the output's shape, and a scalar has shape ():
# en: torch.tensor([1.0]) has shape (1,) and is rejected.
# zh: None 的意思是“输出是标量，就用 1”。显式给出的 gradient
# zh: 必须和输出形状一致，而标量的形状是 ()：
# zh: torch.tensor([1.0]) 的形状是 (1,)，会被拒绝。
prediction = {"None", "torch.tensor(1.0)"}

# %%
works = set()
for name, gradient in candidates.items():
    try:
        loss.backward(gradient=gradient, retain_graph=True)
        works.add(name)
    except RuntimeError:
        pass
assert prediction == works, f"PyTorch accepts {sorted(works)}"
print("Correct:", sorted(works))

# %% [markdown] lang="en"
# ## 3. What `gradient=v` computes
#
# `y = x ** 2` elementwise, and `y.backward(gradient=v)`. What ends up in `x.grad`?
# (Hint: backward with `gradient=v` computes the gradient of `(y * v).sum()`.)

# %% [markdown] lang="zh"
# ## 3. `gradient=v` 算的是什么
#
# `y = x ** 2` 逐元素计算，然后调用 `y.backward(gradient=v)`。最后 `x.grad` 里是什么？（提示：带 `gradient=v` 的反向传播，算的是 `(y * v).sum()` 的梯度。）

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
v = torch.tensor([1.0, 0.1, 0.01])
y = x ** 2
y.backward(gradient=v)

# %%
# en: Your prediction: x.grad as a list of floats
# zh: 你的预测：x.grad，写成浮点数列表
prediction = None  # en: e.g. [1.0, 1.0, 1.0] # zh: 例如 [1.0, 1.0, 1.0]

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: The vector-Jacobian product v^T J. Here J is diagonal with entries
# en: 2x, so x.grad = 2 * x * v.
# zh: 这就是向量-雅可比积 v^T J。这里 J 是对角矩阵，
# zh: 对角元是 2x，所以 x.grad = 2 * x * v。
prediction = [2.0, 0.4, 0.06]

# %%
x2 = x.detach().clone().requires_grad_()
((x2 ** 2) * v).sum().backward()  # en: the same thing, written as a scalar # zh: 同一回事，换成标量来写
same = torch.allclose(x.grad, x2.grad)
assert same, "backward(gradient=v) differs from (y * v).sum()"
assert prediction is not None, "write your prediction first"
right = torch.allclose(torch.tensor(prediction), x.grad)
assert right, f"PyTorch says {x.grad}"
print("Correct:", x.grad, "= grad of (y * v).sum()")

# %% [markdown] lang="en"
# ## 4. `gradient=ones` does not give the Jacobian
#
# Here `y = [x0 * x1, x1 * x2]` with `x = [1, 2, 3]`, so the Jacobian is a 2 x 3 matrix.
# With `v = ones`, backward fills `x.grad` with a vector of length 3. Which vector?

# %% [markdown] lang="zh"
# ## 4. `gradient` 取全 1，得到的并不是雅可比矩阵
#
# 这里 `y = [x0 * x1, x1 * x2]`，`x = [1, 2, 3]`，所以雅可比矩阵是 2 × 3 的。`v` 取全 1 时，反向传播往 `x.grad` 里填的是一个长度为 3 的向量。是哪个向量？

# %%
def fn(x):
    return torch.stack([x[0] * x[1], x[1] * x[2]])


x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = fn(x)
y.backward(gradient=torch.ones_like(y))

# %%
# en: Your prediction: x.grad as a list of floats
# zh: 你的预测：x.grad，写成浮点数列表
prediction = None  # en: e.g. [2.0, 1.0, 0.0] # zh: 例如 [2.0, 1.0, 0.0]

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: J = [[x1, x0, 0], [0, x2, x1]] = [[2, 1, 0], [0, 3, 2]].
# en: ones^T J adds up the rows: one number per input, the whole matrix
# en: is gone.
# zh: 这里 J = [[x1, x0, 0], [0, x2, x1]] = [[2, 1, 0], [0, 3, 2]]。
# zh: ones^T J 把各行加起来：每个输入只剩一个数，
# zh: 整个矩阵就没了。
prediction = [2.0, 4.0, 2.0]

# %%
J = torch.autograd.functional.jacobian(fn, x.detach())
print("Jacobian:\n", J)
assert torch.equal(x.grad, J.sum(dim=0))
assert prediction is not None, "write your prediction first"
right = torch.allclose(torch.tensor(prediction), x.grad)
assert right, f"PyTorch says {x.grad}"
print("Correct: x.grad =", x.grad, "= the column sums of J")

# %% [markdown] lang="en"
# ## 5. Two backward passes through one graph
#
# The first `backward()` keeps the graph (`retain_graph=True`), the second does not. What is in `x.grad`
# at the end? Then see what happens to a graph that was not retained.

# %% [markdown] lang="zh"
# ## 5. 对同一张图做两次反向传播
#
# 第一次 `backward()` 保留了计算图（`retain_graph=True`），第二次没有。最后 `x.grad` 里是什么？之后再看看，图没有保留时会发生什么。

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x * x).sum()
z.backward(retain_graph=True)
z.backward()

# %%
# en: Your prediction: x.grad as a list of floats
# zh: 你的预测：x.grad，写成浮点数列表
prediction = None  # en: e.g. [2.0, 4.0] # zh: 例如 [2.0, 4.0]

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: Each pass adds d z / d x = 2x = [2, 4] into x.grad:
# en: twice gives [4, 8].
# zh: 每次反向传播都把 d z / d x = 2x = [2, 4] 累加进 x.grad：
# zh: 两次就是 [4, 8]。
prediction = [4.0, 8.0]

# %%
assert prediction == x.grad.tolist(), f"PyTorch says {x.grad}"
print("Correct:", x.grad, "= 2 * (2 * x)")

# %% [markdown] lang="en"
# Without `retain_graph=True`, the first pass frees what the graph saved for the backward pass,
# and a second pass fails:

# %% [markdown] lang="zh"
# 不加 `retain_graph=True` 的话，第一次反向传播就会释放图中保存的张量，第二次随之失败：

# %% tags=["raises-exception"]
x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x * x).sum()
z.backward()
z.backward()

# %% [markdown] lang="en"
# ## 6. `torch.autograd.grad` and gradients of gradients
#
# `torch.autograd.grad` returns gradients instead of adding them into `.grad`. With
# `create_graph=True`, the returned gradient is itself part of a graph and can be differentiated.
# For `y = x ** 3` at `x = 2`: what are `dy`, `d2y`, and `x.grad` at the end?

# %% [markdown] lang="zh"
# ## 6. `torch.autograd.grad` 与梯度的梯度
#
# `torch.autograd.grad` 把梯度直接返回，而不是累加进 `.grad`。加上 `create_graph=True`，返回的梯度本身也在一张计算图里，可以继续求导。对 `y = x ** 3`，在 `x = 2` 处，`dy`、`d2y` 以及最后的 `x.grad` 分别是什么？

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
(dy,) = torch.autograd.grad(y, x, create_graph=True)
(d2y,) = torch.autograd.grad(dy, x)

# %%
# en: Your prediction: (dy as a float, d2y as a float, x.grad)
# zh: 你的预测：(dy, d2y, x.grad)，dy 和 d2y 写成浮点数
prediction = None  # en: e.g. (8.0, 8.0, 8.0) # zh: 例如 (8.0, 8.0, 8.0)

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: dy = 3x^2 = 12 and d2y = 6x = 12. autograd.grad returns its
# en: results and leaves .grad alone.
# zh: dy = 3x^2 = 12，d2y = 6x = 12。autograd.grad 直接返回结果，
# zh: 不碰 .grad。
prediction = (12.0, 12.0, None)

# %%
actual = (dy.item(), d2y.item(), x.grad)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
print("dy carries a graph:", dy.grad_fn is not None)
