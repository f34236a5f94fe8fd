# %% [markdown] lang="en"
# ## 7. Reading the version numbers
#
# `x * w` saves `w`, and `w` is then changed in place. `z.sum().backward()` will fail with
# "... is at version N; expected version M". Which N and M? (`w[0] = 5` counts too.)

# %% [markdown] lang="zh"
# ## 7. 读懂版本号
#
# `x * w` 保存了 `w`，之后 `w` 又被原地修改。`z.sum().backward()` 会报错：“... is at version N; expected version M”。
# N 和 M 各是多少？（`w[0] = 5` 也算。）

# %%
import re

import torch

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
    found = re.search(r"is at version (\d+); expected version (\d+)", str(error))
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
# `log` 只对正数有定义，所以下面的代码只在 `x > 0` 处取对数。前向结果里没有 `NaN`。
# `x.grad` 里哪些元素是 `NaN`？（提示：`log` 的反向公式是“上游梯度除以 `x`”，用不到 `log(x)`。）

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
# `c` 根本没用到。`loss.backward(inputs=[b, c])` 运行时不报错。运行之后，`a.grad`、`b.grad`、`c.grad`
# 里哪些仍是 `None`？

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
actual = {name for name, t in {"a": a, "b": b, "c": c}.items() if t.grad is None}
assert prediction == actual, f"PyTorch leaves {sorted(actual)} at None"
print("Correct:", sorted(actual), "stay None; b.grad =", b.grad)
