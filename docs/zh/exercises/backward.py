# %% [markdown]
# # 练习：backward() 与 gradient 参数
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
# ## 1. `gradient=` 必须是什么形状？
#
# `y` 的形状是 (2, 3)，所以直接调用 `y.backward()` 会报错（见下一个单元格）。传给 `gradient=` 的张量必须是什么形状？检查单元格会逐个试几种形状，只留下能用的。

# %%
x = torch.ones(2, 3, requires_grad=True)
y = x * 2

# %% tags=["raises-exception"]
y.backward()

# %%
# Your prediction: the one shape that works, as a tuple
prediction = None  # e.g. (6,)

# %% tags=["solution"] jupyter={"source_hidden": true}
# gradient holds one weight per element of y: exactly y's shape,
# with no broadcasting.
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

# %% [markdown]
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
# Your prediction: the set of keys that work
prediction = None  # e.g. {"torch.tensor([1.0])"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# None means "the output is a scalar, use 1". An explicit gradient
# must match the output's shape, and a scalar has shape ():
# torch.tensor([1.0]) has shape (1,) and is rejected.
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

# %% [markdown]
# ## 3. `gradient=v` 算的是什么
#
# `y = x ** 2` 逐元素计算，然后调用 `y.backward(gradient=v)`。最后 `x.grad` 里是什么？（提示：带 `gradient=v` 的反向传播，算的是 `(y * v).sum()` 的梯度。）

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
v = torch.tensor([1.0, 0.1, 0.01])
y = x ** 2
y.backward(gradient=v)

# %%
# Your prediction: x.grad as a list of floats
prediction = None  # e.g. [1.0, 1.0, 1.0]

# %% tags=["solution"] jupyter={"source_hidden": true}
# The vector-Jacobian product v^T J. Here J is diagonal with entries
# 2x, so x.grad = 2 * x * v.
prediction = [2.0, 0.4, 0.06]

# %%
x2 = x.detach().clone().requires_grad_()
((x2 ** 2) * v).sum().backward()  # the same thing, written as a scalar
same = torch.allclose(x.grad, x2.grad)
assert same, "backward(gradient=v) differs from (y * v).sum()"
assert prediction is not None, "write your prediction first"
right = torch.allclose(torch.tensor(prediction), x.grad)
assert right, f"PyTorch says {x.grad}"
print("Correct:", x.grad, "= grad of (y * v).sum()")

# %% [markdown]
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
# Your prediction: x.grad as a list of floats
prediction = None  # e.g. [2.0, 1.0, 0.0]

# %% tags=["solution"] jupyter={"source_hidden": true}
# J = [[x1, x0, 0], [0, x2, x1]] = [[2, 1, 0], [0, 3, 2]].
# ones^T J adds up the rows: one number per input, the whole matrix
# is gone.
prediction = [2.0, 4.0, 2.0]

# %%
J = torch.autograd.functional.jacobian(fn, x.detach())
print("Jacobian:\n", J)
assert torch.equal(x.grad, J.sum(dim=0))
assert prediction is not None, "write your prediction first"
right = torch.allclose(torch.tensor(prediction), x.grad)
assert right, f"PyTorch says {x.grad}"
print("Correct: x.grad =", x.grad, "= the column sums of J")

# %% [markdown]
# ## 5. 对同一张图做两次反向传播
#
# 第一次 `backward()` 保留了计算图（`retain_graph=True`），第二次没有。最后 `x.grad` 里是什么？之后再看看，图没有保留时会发生什么。

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x * x).sum()
z.backward(retain_graph=True)
z.backward()

# %%
# Your prediction: x.grad as a list of floats
prediction = None  # e.g. [2.0, 4.0]

# %% tags=["solution"] jupyter={"source_hidden": true}
# Each pass adds d z / d x = 2x = [2, 4] into x.grad:
# twice gives [4, 8].
prediction = [4.0, 8.0]

# %%
assert prediction == x.grad.tolist(), f"PyTorch says {x.grad}"
print("Correct:", x.grad, "= 2 * (2 * x)")

# %% [markdown]
# 不加 `retain_graph=True` 的话，第一次反向传播就会释放计算图为反向传播保存的张量，第二次随之失败：

# %% tags=["raises-exception"]
x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x * x).sum()
z.backward()
z.backward()

# %% [markdown]
# ## 6. `torch.autograd.grad` 与梯度的梯度
#
# `torch.autograd.grad` 把梯度直接返回，而不是累加进 `.grad`。加上 `create_graph=True`，返回的梯度本身也在一张计算图里，可以继续求导。对 `y = x ** 3`，在 `x = 2` 处，`dy`、`d2y` 以及最后的 `x.grad` 分别是什么？

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
(dy,) = torch.autograd.grad(y, x, create_graph=True)
(d2y,) = torch.autograd.grad(dy, x)

# %%
# Your prediction: (dy as a float, d2y as a float, x.grad)
prediction = None  # e.g. (8.0, 8.0, 8.0)

# %% tags=["solution"] jupyter={"source_hidden": true}
# dy = 3x^2 = 12 and d2y = 6x = 12. autograd.grad returns its
# results and leaves .grad alone.
prediction = (12.0, 12.0, None)

# %%
actual = (dy.item(), d2y.item(), x.grad)
assert prediction == actual, f"PyTorch says {actual}"
print("Correct:", actual)
print("dy carries a graph:", dy.grad_fn is not None)
