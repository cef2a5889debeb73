"""Light and dark themes, and the high-contrast variants presentation mode uses.

A theme sets three things: the widgets' QPalette, the plots' ground and ink (pyqtgraph
backgrounds, axes, titles, legends and labelled boxes of the plots already on screen; the
``pg`` config options for plots made later), and the canvas ground, ink and label boxes.
The neuron colour scale itself (blue–grey–orange, colour-blind safe) is the same in every
theme, so a colour always means the same value.

``View ▸ Theme`` offers System (the default: follows the desktop's light/dark setting),
Light and Dark; the choice is remembered. Offscreen (tests, screenshots) System is light.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from neurosim.ui.canvas import colors as canvas_colors
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.plots import style as plot_style

MODES = (("system", "&System"), ("light", "&Light"), ("dark", "&Dark"))
SETTING = "view/theme"
Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@dataclass(frozen=True)
class Theme:
    """A resolved theme: dark or light ground, normal or high contrast."""

    dark: bool = False
    contrast: bool = False

    @property
    def name(self) -> str:
        return ("dark" if self.dark else "light") + ("-contrast" if self.contrast else "")


# role -> colour; the disabled group greys text out
_PALETTES: dict[str, dict[Role, str]] = {
    "light": {
        Role.Window: "#efefef",
        Role.WindowText: "#1a1a1a",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#f5f5f5",
        Role.Text: "#1a1a1a",
        Role.Button: "#ececec",
        Role.ButtonText: "#1a1a1a",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#0a64b4",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#0a5fb4",
        Role.Light: "#ffffff",
        Role.Midlight: "#e3e3e3",
        Role.Mid: "#b8b8b8",
        Role.Dark: "#9f9f9f",
        Role.Shadow: "#6e6e6e",
        Role.ToolTipBase: "#ffffe1",
        Role.ToolTipText: "#1a1a1a",
        Role.PlaceholderText: "#767676",
    },
    "dark": {
        Role.Window: "#2b2d30",
        Role.WindowText: "#e6e6e6",
        Role.Base: "#1e1f22",
        Role.AlternateBase: "#26282b",
        Role.Text: "#e6e6e6",
        Role.Button: "#35383c",
        Role.ButtonText: "#e6e6e6",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#3d8fd6",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#7cbcff",
        Role.Light: "#4a4d52",
        Role.Midlight: "#3d4044",
        Role.Mid: "#2a2c2f",
        Role.Dark: "#18191b",
        Role.Shadow: "#000000",
        Role.ToolTipBase: "#35383c",
        Role.ToolTipText: "#e6e6e6",
        Role.PlaceholderText: "#9a9a9a",
    },
    "light-contrast": {
        Role.Window: "#ffffff",
        Role.WindowText: "#000000",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#f2f2f2",
        Role.Text: "#000000",
        Role.Button: "#ffffff",
        Role.ButtonText: "#000000",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#003f9e",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#003f9e",
        Role.Light: "#ffffff",
        Role.Midlight: "#d0d0d0",
        Role.Mid: "#5a5a5a",
        Role.Dark: "#303030",
        Role.Shadow: "#000000",
        Role.ToolTipBase: "#ffffff",
        Role.ToolTipText: "#000000",
        Role.PlaceholderText: "#4a4a4a",
    },
    "dark-contrast": {
        Role.Window: "#000000",
        Role.WindowText: "#ffffff",
        Role.Base: "#000000",
        Role.AlternateBase: "#141414",
        Role.Text: "#ffffff",
        Role.Button: "#141414",
        Role.ButtonText: "#ffffff",
        Role.BrightText: "#000000",
        Role.Highlight: "#f0e442",
        Role.HighlightedText: "#000000",
        Role.Link: "#56b4e9",
        Role.Light: "#5a5a5a",
        Role.Midlight: "#3a3a3a",
        Role.Mid: "#9a9a9a",
        Role.Dark: "#d0d0d0",
        Role.Shadow: "#000000",
        Role.ToolTipBase: "#000000",
        Role.ToolTipText: "#ffffff",
        Role.PlaceholderText: "#bdbdbd",
    },
}
_DISABLED_TEXT = {
    "light": "#8a8a8a",
    "dark": "#7a7a7a",
    "light-contrast": "#5a5a5a",
    "dark-contrast": "#a8a8a8",
}
_original_palette: QPalette | None = None  # the platform's, before any theme was applied


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    for role, colour in _PALETTES[theme.name].items():
        pal.setColor(role, QColor(colour))
    grey = QColor(_DISABLED_TEXT[theme.name])
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        pal.setColor(Group.Disabled, role, grey)
    return pal


def system_is_dark() -> bool:
    """The desktop asks for dark colours (never offscreen: tests and screenshots are light)."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class ThemeManager(QObject):
    """The window's theme: ``mode`` (system/light/dark) plus a contrast switch."""

    changed = Signal(object)  # the resolved Theme

    def __init__(self, window: QWidget, canvas: CanvasView, settings: QSettings) -> None:
        super().__init__(window)
        global _original_palette
        if _original_palette is None:
            _original_palette = QPalette(QApplication.palette())
        self.window = window
        self.canvas = canvas
        self.settings = settings
        mode = str(settings.value(SETTING, "system"))
        self.mode = mode if mode in dict(MODES) else "system"
        self.contrast = False
        self.theme = Theme()
        self.menu: QMenu | None = None
        self.actions: dict[str, QAction] = {}
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)

    def build_menu(self, parent: QMenu) -> QMenu:
        menu = self.menu = parent.addMenu("T&heme")
        group = QActionGroup(menu)
        for mode, text in MODES:
            action = group.addAction(text)
            action.setCheckable(True)
            action.setChecked(mode == self.mode)
            action.setStatusTip(
                "Follow the desktop's light or dark setting"
                if mode == "system"
                else f"{text.replace('&', '')} colours for the window, canvas and plots"
            )
            action.triggered.connect(lambda _c=False, m=mode: self.set_mode(m))
            menu.addAction(action)
            self.actions[mode] = action
        return menu

    def resolve(self) -> Theme:
        dark = self.mode == "dark" or (self.mode == "system" and system_is_dark())
        return Theme(dark, self.contrast)

    def set_mode(self, mode: str) -> None:
        if mode not in dict(MODES):
            raise ValueError(f"unknown theme {mode!r}; use one of {', '.join(m for m, _ in MODES)}")
        self.mode = mode
        self.settings.setValue(SETTING, mode)
        if mode in self.actions:
            self.actions[mode].setChecked(True)
        self.apply()

    def set_contrast(self, on: bool) -> None:
        self.contrast = bool(on)
        self.apply()

    def apply(self) -> None:
        theme = self.theme = self.resolve()
        app = QApplication.instance()
        if self.mode == "system" and not theme.contrast and not theme.dark:
            app.setPalette(_original_palette)
        else:
            app.setPalette(palette(theme))
        old = plot_style.INK.name(), plot_style.INK_SOFT.name()
        plot_style.apply_theme(theme.dark, theme.contrast)
        canvas_colors.apply_theme(theme.dark, theme.contrast)
        restyle_plots(self.window, old)
        self.canvas.refresh_colours()
        self.changed.emit(theme)

    def _on_system_changed(self, *_: object) -> None:
        if self.mode == "system":
            self.apply()


# ----------------------------------------------------------------- plots on screen
def restyle_plots(root: QWidget, old_inks: tuple[str, str]) -> None:
    """Re-colour the plots already made under ``root`` for the ink in ``plot_style`` now.

    Each panel restyles its axes and titles itself (``set_presentation_scale`` at its own
    scale); grounds, legends and the labelled boxes inside plots are set here. ``old_inks``
    (ink, soft ink) of the previous theme tells which text items used the theme's inks.
    """
    from neurosim.ui.plots.base import PlotPanel

    for panel in root.findChildren(PlotPanel):
        panel.set_presentation_scale(panel.scale)
    ground = QColor(plot_style.BACKGROUND)
    box = QColor(ground)
    box.setAlpha(205)
    ink, soft = plot_style.INK, plot_style.INK_SOFT
    swap = {old_inks[0]: ink, old_inks[1]: soft}
    for view in root.findChildren(pg.GraphicsView):
        view.setBackground(ground)
        for item in view.scene().items():
            _restyle_item(item, ink, soft, box, swap)


def _restyle_item(
    item: Any, ink: QColor, soft: QColor, box: QColor, swap: dict[str, QColor]
) -> None:
    if isinstance(item, pg.AxisItem):
        width = item.pen().widthF()
        item.setPen(pg.mkPen(soft, width=width))
        item.setTextPen(pg.mkPen(ink))
        if item.labelText:
            item.labelStyle["color"] = ink.name()
            item.setLabel(
                item.labelText,
                units=item.labelUnits or None,
                unitPrefix=item.labelUnitPrefix,
                **item.labelStyle,
            )
    elif isinstance(item, pg.LabelItem) and item.text:
        item.setText(item.text, color=ink.name())
    elif isinstance(item, pg.LegendItem):
        item.setLabelTextColor(ink)
        if (
            item.opts.get("brush") is not None
            and pg.mkBrush(item.opts["brush"]).style() != Qt.BrushStyle.NoBrush
        ):
            item.setBrush(pg.mkBrush(box))
    elif isinstance(item, pg.TextItem):
        if item.fill.style() != Qt.BrushStyle.NoBrush:
            item.fill = pg.mkBrush(box)
        colour = swap.get(QColor(item.color).name())
        if colour is not None:
            item.setColor(colour)
        item.update()
