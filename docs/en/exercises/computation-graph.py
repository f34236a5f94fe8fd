# %% [markdown]
# # Exercises: computation graphs
#
# Predict, then check. $y = x^2$

# %%
import torch

x = torch.tensor(2.0, requires_grad=True)
y = x * 3
print(y.grad_fn)
