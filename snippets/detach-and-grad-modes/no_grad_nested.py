import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)


def predict(batch):
    with torch.no_grad():  # en: a helper that switches recording off for itself # zh: 辅助函数自己关掉梯度记录
        return batch * 2


with torch.no_grad():  # en: the caller has switched it off already # zh: 调用方已经先关掉了
    predict(x)
    print("after predict():      ", torch.is_grad_enabled())
    z = x * 3
print("after the outer block:", torch.is_grad_enabled())
print("z.requires_grad:", z.requires_grad)
