import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

with torch.inference_mode():
    print("inside, grad enabled:", torch.is_grad_enabled())
    y = x * 2
print("after,  grad enabled:", torch.is_grad_enabled())
print("after,  inference mode:", torch.is_inference_mode_enabled())

print("y:", y, "| requires_grad:", y.requires_grad)
print("y.is_inference():", y.is_inference())
y._version  # en: the version counter that guards saved tensors is not kept # zh: 推理张量不记版本计数器，而保存的张量正靠它把关
