import torch

with torch.inference_mode():
    y = torch.ones(3)
    y.add_(1)  # en: inside the block: allowed # zh: 块内：可以
print("inside:", y)
y.add_(1)  # en: outside the block # zh: 块外
