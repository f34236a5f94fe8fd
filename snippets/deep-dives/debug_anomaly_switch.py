import torch

torch.autograd.set_detect_anomaly(True)
try:
    print("after set_detect_anomaly(True): ", torch.is_anomaly_enabled())
finally:
    torch.autograd.set_detect_anomaly(False)  # en: or it stays on for the rest of the program # zh: 否则它会一直开到程序结束
print("after set_detect_anomaly(False):", torch.is_anomaly_enabled())
