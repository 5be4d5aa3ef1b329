"""The editors' desk (bàn biên tập) at /quan-tri/: Decap CMS in the browser,
decap-server in git mode behind a guard, and the preview server that serves
both beside the preview build."""
