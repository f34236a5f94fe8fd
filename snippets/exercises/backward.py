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

# %% [markdown] lang="en"
# ## 7. Reading the version numbers
#
# `x * w` saves `w`, and `w` is then changed in place. `z.sum().backward()` will fail with
# "... is at version N; expected version M". Which N and M? (`w[0] = 5` counts too.)

# %% [markdown] lang="zh"
# ## 7. 读懂版本号
#
# `x * w` 保存了 `w`，之后 `w` 又被原地修改。`z.sum().backward()` 会报错：“... is at version N; expected version M”。N 和 M 各是多少？（`w[0] = 5` 也算。）

# %%
import re

x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.ones(2)
w.mul_(2)
y = x * w
w.add_(1)
w[0] = 5
z = y * w

# %%
# en: Your prediction: the pair (N, M)
# zh: 你的预测：(N, M) 这一对数
prediction = None  # en: e.g. (1, 0) # zh: 例如 (1, 0)

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: M is the version of w when x * w saved it: 1, after mul_. Then add_ and the write
# en: into the view w[0] make two more in-place operations: N = 3. (y * w saves w again,
# en: at version 3; that node is fine. The node of x * w is the one that fails.)
# zh: M 是 x * w 保存 w 时 w 的版本：mul_ 之后是 1。随后 add_ 和往视图 w[0] 里的写入又是两次原地操作：N = 3。
# zh: （y * w 又保存了一次 w，那时版本是 3，这个节点没问题；出错的是 x * w 的节点。）
prediction = (3, 1)

# %%
try:
    z.sum().backward()
except RuntimeError as error:
    pattern = r"is at version (\d+); expected version (\d+)"
    found = re.search(pattern, str(error))
    actual = (int(found[1]), int(found[2]))
assert prediction == actual, f"PyTorch says (N, M) = {actual}"
print("Correct: version", actual[0], "now, version", actual[1], "when saved")

# %% [markdown] lang="en"
# ## 8. `torch.where` with `log`
#
# `log` is only defined for positive numbers, so the code below takes it only where `x > 0`.
# The forward result has no `NaN`. Which elements of `x.grad` are `NaN`? (Hint: the backward
# formula of `log` is "upstream gradient divided by `x`"; it does not use `log(x)`.)

# %% [markdown] lang="zh"
# ## 8. `torch.where` 配 `log`
#
# `log` 只对正数有定义，所以下面的代码只在 `x > 0` 处取对数。前向结果里没有 `NaN`。`x.grad` 里哪些元素是 `NaN`？（提示：`log` 的反向公式是“上游梯度除以 `x`”，用不到 `log(x)`。）

# %%
x = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
y = torch.where(x > 0, torch.log(x), 0.0)
print("y:", y)
y.sum().backward()

# %%
# en: Your prediction: the list of indices where x.grad is NaN
# zh: 你的预测：x.grad 为 NaN 的下标列表
prediction = None  # en: e.g. [0, 1] # zh: 例如 [0, 1]

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: where sends 0 to the log branch at indices 0 and 1, and LogBackward0 divides it by x.
# en: At index 0 that is 0 / -1 = -0: finite, although log(-1) itself is NaN.
# en: At index 1 it is 0 / 0 = NaN. Index 2 gets 1 / 2 = 0.5.
# zh: where 在下标 0 和 1 处给 log 分支送去 0，LogBackward0 再把它除以 x。
# zh: 下标 0 处是 0 / -1 = -0：有限值，尽管 log(-1) 本身是 NaN。下标 1 处是 0 / 0 = NaN。下标 2 得到 1 / 2 = 0.5。
prediction = [1]

# %%
actual = x.grad.isnan().nonzero().flatten().tolist()
assert prediction == actual, f"x.grad is {x.grad}: NaN at {actual}"
print("Correct: x.grad =", x.grad)

# %% [markdown] lang="en"
# ## 9. Which `.grad` stays `None`?
#
# `c` is never used. `loss.backward(inputs=[b, c])` runs without an error. After it, which of
# `a.grad`, `b.grad`, `c.grad` are still `None`?

# %% [markdown] lang="zh"
# ## 9. 哪些 `.grad` 还是 `None`？
#
# `c` 根本没用到。`loss.backward(inputs=[b, c])` 运行时不报错。运行之后，`a.grad`、`b.grad`、`c.grad` 里哪些仍是 `None`？

# %%
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
c = torch.tensor(4.0, requires_grad=True)
loss = a * b
loss.backward(inputs=[b, c])

# %%
# en: Your prediction: the set of names whose .grad is None
# zh: 你的预测：.grad 为 None 的张量名集合
prediction = None  # en: e.g. {"a"} # zh: 例如 {"a"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: inputs= limits the accumulation to b and c, so a.grad stays None although a requires grad.
# en: c is listed but has no path from the loss: backward() does not complain, it leaves c.grad None.
# en: Only b.grad is filled: a = 2.
# zh: inputs= 把累加限制在 b 和 c 上，所以 a 虽然需要梯度，a.grad 仍是 None。
# zh: c 列出来了，但从损失出发没有路径通到它：backward() 不报错，只让 c.grad 保持 None。只有 b.grad 被填上：a = 2。
prediction = {"a", "c"}

# %%
leaves = {"a": a, "b": b, "c": c}
actual = {name for name, t in leaves.items() if t.grad is None}
assert prediction == actual, f"PyTorch leaves {sorted(actual)} at None"
print("Correct:", sorted(actual), "stay None; b.grad =", b.grad)

# %% [markdown] lang="en"
# ## 10. A hook on a tensor used twice
#
# `y` feeds two branches of the loss, and a hook on `y` clamps its gradient at 8 and counts its calls.
# How many times does the hook run, and what is `x.grad`?

# %% [markdown] lang="zh"
# ## 10. 用了两次的张量上的钩子
#
# `y` 进入损失的两个分支，`y` 上的钩子把梯度截到 8 以内，并记下自己被调用的次数。钩子会执行几次？`x.grad` 是多少？

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
z = (3 * y).sum() + (y**2).sum()

calls = []


def clamp_at_8(g):
    calls.append(g)
    return g.clamp(max=8)


handle = y.register_hook(clamp_at_8)
z.backward()
handle.remove()

# %%
# en: Your prediction: the number of calls, and x.grad as a list
# zh: 你的预测：调用次数，以及写成列表的 x.grad
prediction = None  # en: e.g. (2, [1.0, 2.0]) # zh: 例如 (2, [1.0, 2.0])

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: The hook runs once, on the total gradient of y: the two branches
# en: are added first, 3 + 2y = [7, 11]. Clamped: [7, 8]. MulBackward0
# en: multiplies by 2: x.grad = [14, 16]. Clamping each branch on its own
# en: would have left [7, 11] and given [14, 22].
# zh: 钩子只执行一次，拿到的是 y 的总梯度：两个分支先相加，3 + 2y = [7, 11]，
# zh: 截断后是 [7, 8]。MulBackward0 再乘以 2：x.grad = [14, 16]。
# zh: 要是每个分支各截一次，结果仍是 [7, 11]，x.grad 会是 [14, 22]。
prediction = (1, [14.0, 16.0])

# %%
actual = (len(calls), x.grad.tolist())
assert prediction == actual, f"PyTorch says {actual}"
print("Correct: the hook ran", actual[0], "time(s), x.grad =", actual[1])
