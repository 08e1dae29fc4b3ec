export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#f2b632" />
      <path d="M7 10.5h7l2 2h9V23H7z" fill="#0b2a44" />
      <path d="M7 14.5h18" stroke="#f2b632" strokeWidth="1.5" />
    </svg>
  );
}
