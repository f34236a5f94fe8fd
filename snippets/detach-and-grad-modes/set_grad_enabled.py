import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

# en: As a function: a global switch that stays where you put it
# zh: 当函数调用：全局开关，拨到哪儿就停在哪儿
torch.set_grad_enabled(False)
a = x * 2
b = x * 3
torch.set_grad_enabled(True)
print("function:", a.requires_grad, b.requires_grad)


# en: As a context manager: the argument decides, the old mode comes back
# zh: 当上下文管理器用：开还是关由参数决定，退出时恢复原来的模式
def forward(is_train):
    with torch.set_grad_enabled(is_train):
        return x * 2


print("train:", forward(True).requires_grad)
print("eval: ", forward(False).requires_grad)
print("after:", torch.is_grad_enabled())
