export async function mountCoordinatorView(root: HTMLElement): Promise<void> {
  root.textContent = 'todo';
}
