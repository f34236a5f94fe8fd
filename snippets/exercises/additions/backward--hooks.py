# %% [markdown] lang="en"
# ## N. A hook on a tensor used twice
#
# `y` feeds two branches of the loss, and a hook on `y` clamps its gradient at 8 and counts its calls.
# How many times does the hook run, and what is `x.grad`?

# %% [markdown] lang="zh"
# ## N. 用了两次的张量上的钩子
#
# `y` 进入损失的两个分支，`y` 上的钩子把梯度截到 8 以内，并记下自己被调用的次数。
# 钩子会执行几次？`x.grad` 是多少？

# %%
import torch

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
