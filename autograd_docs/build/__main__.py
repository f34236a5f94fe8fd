import sys

from autograd_docs.build.site import main

sys.exit(main())
