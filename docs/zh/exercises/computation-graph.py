# %% [markdown]
# # 练习：计算图
#
# 先预测，再验证。 $y = x^2$

# %%
import torch

x = torch.tensor(2.0, requires_grad=True)
y = x * 3
print(y.grad_fn)
