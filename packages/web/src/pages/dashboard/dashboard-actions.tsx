import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { apiUrl, downloadFile } from '../../api/client';

/** The dashboard view as files: the .xlsx workbook (server-made, exact figures) and the printable review pack. */
export function DashboardActions({ jurisdictionId, jurisdictionName, year }: { readonly jurisdictionId: string; readonly jurisdictionName: string; readonly year: number }) {
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const exportXlsx = async () => {
    setBusy(true);
    try {
      await downloadFile(apiUrl('/api/dashboard/export.xlsx', { jurisdictionId, year }), `${jurisdictionName}-${year}年度-监督看板.xlsx`);
    } catch {
      // downloadFile has shown the reason.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={exportXlsx}>
        导出 Excel
      </Button>
      <Button icon={<PrinterOutlined aria-hidden />} onClick={() => navigate(`/dashboard/review-pack?${new URLSearchParams({ jurisdictionId, year: String(year) }).toString()}`)}>
        审查材料
      </Button>
    </Space>
  );
}
