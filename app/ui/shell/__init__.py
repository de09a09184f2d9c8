"""The window's frame: the main window and its navigation, the first frame, the tray, start-up."""
