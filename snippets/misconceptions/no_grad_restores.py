import torch

x = torch.ones(2, requires_grad=True)
with torch.set_grad_enabled(False):
    with torch.no_grad():
        pass
    # en: no_grad restored the mode it found on entry: off
    # zh: no_grad 恢复的是进入时的模式：关闭
    print("after no_grad:    ", torch.is_grad_enabled(), (x * 2).requires_grad)
print("after both blocks:", torch.is_grad_enabled(), (x * 2).requires_grad)
