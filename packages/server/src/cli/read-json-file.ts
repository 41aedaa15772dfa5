import type { CliIo } from './io';
import { CliExit, EXIT_BAD_INPUT } from './io';

/** Reads and parses a JSON file, turning every failure into a Chinese message with the file and place. */
export async function readJsonFile(io: CliIo, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`无法读取文件 ${path}：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : String(e)}\n`);
    throw new CliExit(EXIT_BAD_INPUT);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = /position (\d+)/.exec(String(e));
    let where = '';
    if (at?.[1]) {
      const pos = Number(at[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const column = pos - before.lastIndexOf('\n');
      where = `（第 ${line} 行第 ${column} 列）`;
    }
    io.stderr(`${path} 不是有效的 JSON${where}：${(e as Error).message}\n`);
    throw new CliExit(EXIT_BAD_INPUT);
  }
}
