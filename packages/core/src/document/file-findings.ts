import type { Finding } from '../model/finding';

/**
 * The findings every reader and the import use case give for a file they refuse before reading it, worded
 * once so that the same rule id always says the same thing.
 */
/** "50 MB", "2.9 KB", "512 字节". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} 字节`;
}

export function emptyFileFinding(file: string): Finding {
  return { rule: 'import.empty-file', severity: 'error', message: `${file}：文件为空，没有可读取的内容`, location: { file } };
}

export function tooLargeFinding(file: string, bytes: number, maxBytes: number): Finding {
  return {
    rule: 'import.too-large',
    severity: 'error',
    message: `${file}：文件大小 ${formatSize(bytes)} 超过上限 ${formatSize(maxBytes)}，未读取`,
    location: { file },
  };
}
