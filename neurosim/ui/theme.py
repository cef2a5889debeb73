"""The window's colours: one :class:`Theme` object and an immutable :class:`Palette` per theme.

The main window owns the Theme and hands it to every part that paints; a part reads
``theme.palette`` when it styles itself and again when ``theme.changed`` fires. Nothing
here is a module-level colour that changes: a palette is frozen, and switching the theme
swaps one palette for another.

``View ▸ Theme`` offers System (the default: follows the desktop's light or dark setting),
Light and Dark; the choice is remembered. Presentation mode asks for the high-contrast
variant of the same theme. Offscreen (tests, screenshots) System is light. The neuron
colour scale (blue–grey–orange, colour-blind safe) is the same in every theme, so a colour
always means the same value.

Signals:
    Theme.changed(Palette): the palette now in force (after a mode or contrast change).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from neurosim.ui.i18n import translate

__all__ = [
    "DARK",
    "DARK_CONTRAST",
    "LIGHT",
    "LIGHT_CONTRAST",
    "MODES",
    "PALETTES",
    "SETTING",
    "Box",
    "CanvasColours",
    "Palette",
    "PlotColours",
    "Theme",
    "contrast_ratio",
    "system_is_dark",
]

#: (mode, menu text, status tip); the texts are translated where shown (context "Theme")
MODES = (
    (
        "system",
        QT_TRANSLATE_NOOP("Theme", "&System"),
        QT_TRANSLATE_NOOP("Theme", "Follow the desktop's light or dark setting"),
    ),
    (
        "light",
        QT_TRANSLATE_NOOP("Theme", "&Light"),
        QT_TRANSLATE_NOOP("Theme", "Light colours for the window, canvas and plots"),
    ),
    (
        "dark",
        QT_TRANSLATE_NOOP("Theme", "&Dark"),
        QT_TRANSLATE_NOOP("Theme", "Dark colours for the window, canvas and plots"),
    ),
)
MODE_NAMES = tuple(mode for mode, _text, _tip in MODES)
SETTING = "view/theme"
Role = QPalette.ColorRole


@dataclass(frozen=True)
class PlotColours:
    """A plot's ground, its text and axes (``ink``), and quieter text and guides."""

    ground: str
    ink: str
    ink_soft: str

    def box(self, alpha: int = 200) -> QColor:
        """The ground, translucent: behind a text inside a plot."""
        colour = QColor(self.ground)
        colour.setAlpha(alpha)
        return colour


@dataclass(frozen=True)
class CanvasColours:
    """The canvas's ground, ink (names, borders), the boxes behind weights and the legend,
    and the selection. Colours with alpha are written "#aarrggbb"."""

    ground: str
    ink: str
    ink_soft: str
    label_ground: str
    legend_ground: str
    legend_edge: str
    selection: str


@dataclass(frozen=True)
class Box:
    """A framed message: its ground, text and edge."""

    ground: str
    text: str
    edge: str

    def label_style(self) -> str:
        """A QLabel style sheet for the box (margins via ``setMargin`` or padding)."""
        return (
            f"QLabel {{ background: {self.ground}; color: {self.text};"
            f" border: 1px solid {self.edge}; border-radius: 4px; padding: 6px; }}"
        )


@dataclass(frozen=True)
class Palette:
    """Every colour of one theme, as "#rrggbb" strings.

    ``roles`` are the widgets' (QPalette) colours; ``text_soft``, ``error`` and ``success``
    are text on the window's ground; ``alert`` a problem box; ``plot`` and ``canvas`` the
    pictures' own colours.
    """

    name: str
    dark: bool
    contrast: bool
    roles: tuple[tuple[Role, str], ...]
    disabled_text: str
    text_soft: str
    error: str
    success: str
    alert: Box
    plot: PlotColours
    canvas: CanvasColours

    def role(self, role: Role) -> QColor:
        return QColor(dict(self.roles)[role])

    def qpalette(self) -> QPalette:
        """The widgets' palette; the disabled group greys text out."""
        pal = QPalette()
        for role, colour in self.roles:
            pal.setColor(role, QColor(colour))
        grey = QColor(self.disabled_text)
        for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
            pal.setColor(QPalette.ColorGroup.Disabled, role, grey)
        return pal


def _roles(*colours: str) -> tuple[tuple[Role, str], ...]:
    order = (
        Role.Window,
        Role.WindowText,
        Role.Base,
        Role.AlternateBase,
        Role.Text,
        Role.Button,
        Role.ButtonText,
        Role.BrightText,
        Role.Highlight,
        Role.HighlightedText,
        Role.Link,
        Role.Light,
        Role.Midlight,
        Role.Mid,
        Role.Dark,
        Role.Shadow,
        Role.ToolTipBase,
        Role.ToolTipText,
        Role.PlaceholderText,
    )
    assert len(colours) == len(order)
    return tuple(zip(order, colours, strict=True))


# Text colours are chosen for a WCAG contrast of at least 4.5 on the grounds they sit on.
LIGHT = Palette(
    name="light",
    dark=False,
    contrast=False,
    # window, text, base, alt. base, text, button, button text, bright, highlight, its
    # text, link, light, midlight, mid, dark, shadow, tooltip, its text, placeholder
    roles=_roles(
        *("#efefef", "#1a1a1a", "#ffffff", "#f5f5f5", "#1a1a1a", "#ececec", "#1a1a1a"),
        *("#ffffff", "#0a64b4", "#ffffff", "#0a5fb4", "#ffffff", "#e3e3e3", "#b8b8b8"),
        *("#9f9f9f", "#6e6e6e", "#ffffe1", "#1a1a1a", "#767676"),
    ),
    disabled_text="#8a8a8a",
    text_soft="#555555",
    error="#b2182b",
    success="#166b36",
    alert=Box("#fdecea", "#7a1b12", "#e0a39a"),
    plot=PlotColours("#ffffff", "#1a1a1a", "#666666"),
    canvas=CanvasColours(
        "#fcfcfc", "#1a1a1a", "#555555", "#ffffff", "#e1ffffff", "#3c000000", "#7b2cbf"
    ),
)
DARK = Palette(
    name="dark",
    dark=True,
    contrast=False,
    roles=_roles(
        *("#2b2d30", "#e6e6e6", "#1e1f22", "#26282b", "#e6e6e6", "#35383c", "#e6e6e6"),
        *("#ffffff", "#2a6cb0", "#ffffff", "#7cbcff", "#4a4d52", "#3d4044", "#2a2c2f"),
        *("#18191b", "#000000", "#35383c", "#e6e6e6", "#9a9a9a"),
    ),
    disabled_text="#7a7a7a",
    text_soft="#b0b0b0",
    error="#ff8a80",
    success="#7fd99a",
    alert=Box("#3d2220", "#ffc4bc", "#8c4a42"),
    plot=PlotColours("#1e1f22", "#e6e6e6", "#a8a8a8"),
    canvas=CanvasColours(
        "#1e1f22", "#e8e8e8", "#b4b4b4", "#2b2d30", "#e62b2d30", "#46ffffff", "#c39bff"
    ),
)
LIGHT_CONTRAST = Palette(
    name="light-contrast",
    dark=False,
    contrast=True,
    roles=_roles(
        *("#ffffff", "#000000", "#ffffff", "#f2f2f2", "#000000", "#ffffff", "#000000"),
        *("#ffffff", "#003f9e", "#ffffff", "#003f9e", "#ffffff", "#d0d0d0", "#5a5a5a"),
        *("#303030", "#000000", "#ffffff", "#000000", "#4a4a4a"),
    ),
    disabled_text="#5a5a5a",
    text_soft="#303030",
    error="#8e0013",
    success="#0b4f24",
    alert=Box("#ffffff", "#8e0013", "#8e0013"),
    plot=PlotColours("#ffffff", "#000000", "#333333"),
    canvas=CanvasColours(
        "#ffffff", "#000000", "#303030", "#ffffff", "#f0ffffff", "#a0000000", "#6a1fb0"
    ),
)
DARK_CONTRAST = Palette(
    name="dark-contrast",
    dark=True,
    contrast=True,
    roles=_roles(
        *("#000000", "#ffffff", "#000000", "#141414", "#ffffff", "#141414", "#ffffff"),
        *("#000000", "#f0e442", "#000000", "#56b4e9", "#5a5a5a", "#3a3a3a", "#9a9a9a"),
        *("#d0d0d0", "#000000", "#000000", "#ffffff", "#bdbdbd"),
    ),
    disabled_text="#a8a8a8",
    text_soft="#dcdcdc",
    error="#ffa8a0",
    success="#9ff0b4",
    alert=Box("#000000", "#ffa8a0", "#ffa8a0"),
    plot=PlotColours("#000000", "#ffffff", "#d8d8d8"),
    canvas=CanvasColours(
        "#000000", "#ffffff", "#dcdcdc", "#000000", "#eb000000", "#aaffffff", "#d4b3ff"
    ),
)
#: (dark, high contrast) -> palette
PALETTES = {
    (False, False): LIGHT,
    (True, False): DARK,
    (False, True): LIGHT_CONTRAST,
    (True, True): DARK_CONTRAST,
}


def contrast_ratio(a: QColor | str, b: QColor | str) -> float:
    """WCAG contrast ratio of two colours, 1 (none) to 21 (black on white); alpha ignored."""
    la, lb = _luminance(QColor(a)), _luminance(QColor(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def system_is_dark() -> bool:
    """The desktop asks for dark colours (never offscreen: tests and screenshots are light)."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class Theme(QObject):
    """The colours of one window: ``mode`` (system, light or dark) plus a contrast switch.

    ``palette`` is the palette in force. :meth:`apply` gives the application's widgets its
    colours and announces it; views restyle themselves on ``changed``. With ``settings``
    the mode is read from and remembered in them. A Theme made without arguments (a view
    on its own, as in tests) follows the system and touches nothing until it is applied.
    """

    changed = Signal(object)  # the Palette

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        mode = str(settings.value(SETTING, "system")) if settings is not None else "system"
        self.mode = mode if mode in MODE_NAMES else "system"
        self.contrast = False
        self._palette = self._resolve()
        self.actions: dict[str, QAction] = {}
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)

    @property
    def palette(self) -> Palette:
        return self._palette

    def build_menu(self, parent: QMenu) -> QMenu:
        """``parent`` ▸ Theme: System, Light, Dark (one checked)."""
        menu = parent.addMenu(translate("Theme", "T&heme"))
        group = QActionGroup(menu)
        for mode, text, tip in MODES:
            action = group.addAction(translate("Theme", text))
            action.setCheckable(True)
            action.setChecked(mode == self.mode)
            action.setStatusTip(translate("Theme", tip))
            action.triggered.connect(lambda _c=False, m=mode: self.set_mode(m))
            menu.addAction(action)
            self.actions[mode] = action
        return menu

    def set_mode(self, mode: str) -> None:
        if mode not in MODE_NAMES:
            raise ValueError(f"unknown theme {mode!r}; use one of {', '.join(MODE_NAMES)}")
        self.mode = mode
        if self.settings is not None:
            self.settings.setValue(SETTING, mode)
        if mode in self.actions:
            self.actions[mode].setChecked(True)
        self.apply()

    def set_contrast(self, on: bool) -> None:
        """The high-contrast variant of the theme (presentation mode) or the normal one."""
        self.contrast = bool(on)
        self.apply()

    def apply(self) -> None:
        """Give the application's widgets the theme's colours, then announce the palette."""
        palette = self._palette = self._resolve()
        app = QApplication.instance()
        if self.mode == "system" and palette is LIGHT:
            app.setPalette(QPalette())  # the platform's own
        else:
            app.setPalette(palette.qpalette())
        self.changed.emit(palette)

    def _resolve(self) -> Palette:
        dark = self.mode == "dark" or (self.mode == "system" and system_is_dark())
        return PALETTES[(dark, self.contrast)]

    def _on_system_changed(self, *_: object) -> None:
        if self.mode == "system":
            self.apply()
