export default defineBackground(() => {
  // Chrome opens the side panel from the toolbar button; Firefox uses sidebar_action on its own.
  if (import.meta.env.BROWSER !== 'firefox') {
    chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  }
});
