# %% [markdown] lang="en"
# ## 6. Clipping a weight through `.data`
#
# A training loop clips its weights between the forward pass and `backward()`, a common slip.
# `y = x ** 2` saves `x` for its gradient, `2 * x`. Then `x` is multiplied by 3 in place, once
# through `x.data` and once through `x.detach()`. For each way, what does `y.sum().backward()` do?
# Answer with the list that ends up in `x.grad`, or with the string `"error"` if `backward()` raises.

# %% [markdown] lang="zh"
# ## 6. 通过 `.data` 裁剪权重
#
# 训练循环在前向传播和 `backward()` 之间裁剪权重，这是很常见的疏忽。`y = x ** 2` 为了算梯度 `2 * x` 保存了 `x`。
# 接着把 `x` 原地乘以 3：一次通过 `x.data`，一次通过 `x.detach()`。两种写法下，`y.sum().backward()` 各会怎样？
# 回答 `x.grad` 最终的列表；如果 `backward()` 报错，就回答字符串 `"error"`。

# %%
import torch


def run(write):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x ** 2
    write(x)  # en: changes x in place after the forward pass # zh: 前向传播之后原地修改 x
    try:
        y.sum().backward()
    except RuntimeError as error:
        print(type(error).__name__ + ":", str(error)[:100], "...")
        return "error"
    return x.grad.tolist()


# %%
# en: Your prediction: a dict with the result of each way
# zh: 你的预测：一个字典，写出每种写法的结果
prediction = None  # en: e.g. {"data": [2.0, 4.0], "detach": "error"} # zh: 例如 {"data": [2.0, 4.0], "detach": "error"}

# %% tags=["solution"] jupyter={"source_hidden": true}
# en: x.data shares the storage of x but not its version counter: the write goes unseen,
# en: and the backward pass uses the new x = [3, 6]: 2 * x = [6, 12], three times too big.
# en: x.detach() shares the version counter too: the write moves it from 0 to 1, and
# en: backward() refuses to use the changed saved tensor.
# zh: x.data 和 x 共用存储，却不共用版本计数器：这次写入没人察觉，反向传播用的是新的 x = [3, 6]，
# zh: 算出 2 * x = [6, 12]，是正确值的 3 倍。
# zh: x.detach() 连版本计数器也共用：写入让它从 0 变成 1，backward() 拒绝使用被改过的保存的张量。
prediction = {"data": [6.0, 12.0], "detach": "error"}

# %%
actual = {
    "data": run(lambda x: x.data.mul_(3)),
    "detach": run(lambda x: x.detach().mul_(3)),
}
assert prediction == actual, f"PyTorch gives {actual}"
print("Correct:", actual, "(the right gradient is [2.0, 4.0])")
