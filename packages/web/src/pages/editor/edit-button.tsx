import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import type { EvaluationDetail } from '../../api/types';

/**
 * 编辑, on the detail page: shown only when the server lists `save` among the user's actions (a 草稿 or 退回修改
 * evaluation, and the edit role on its unit), so it never leads to an editor the server would refuse.
 */
export function EditButton({ evaluation }: { readonly evaluation: EvaluationDetail }) {
  const navigate = useNavigate();
  if (!evaluation.actions.includes('save')) return null;
  return (
    <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/evaluations/${encodeURIComponent(evaluation.id)}/edit`)}>
      编辑
    </Button>
  );
}
