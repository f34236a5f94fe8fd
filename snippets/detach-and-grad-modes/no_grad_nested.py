import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)


def predict(batch):
    with torch.no_grad():  # a helper that switches recording off for itself
        return batch * 2


with torch.no_grad():  # the caller has switched it off already
    predict(x)
    print("after predict():      ", torch.is_grad_enabled())
    z = x * 3
print("after the outer block:", torch.is_grad_enabled())
print("z.requires_grad:", z.requires_grad)
