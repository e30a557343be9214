export default defineBackground(() => {
  // Chrome opens the side panel from the toolbar button; Firefox uses sidebar_action on its own.
  if (import.meta.env.BROWSER !== 'firefox') {
    browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  }
});
